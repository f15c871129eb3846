using System.Net;
using KConnector.Configuration;
using KConnector.Errors;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Transport;

/// <summary>
/// Sends a request, retrying what is worth retrying (a connection failure, a timeout, HTTP 408,
/// 429 and 5xx) up to a bound, waiting as the server's <c>Retry-After</c> says (seconds or a date,
/// RFC 9110 §10.2.3) or else an exponential backoff, always capped. Logs never include the URL's
/// query, headers or bodies (they may hold secrets).
/// </summary>
public sealed class HttpRetryingSender
{
    private readonly HttpClient _client;
    private readonly int _maxRetries;
    private readonly int _backoffMs;
    private readonly int _backoffMaxMs;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a sender over <paramref name="client"/>.</summary>
    public HttpRetryingSender(
        HttpClient client,
        int maxRetries,
        int backoffMs,
        int backoffMaxMs,
        TimeProvider time,
        ILogger logger
    )
    {
        _client = client;
        _maxRetries = maxRetries;
        _backoffMs = backoffMs;
        _backoffMaxMs = backoffMaxMs;
        _time = time;
        _logger = logger;
    }

    /// <summary>True for the statuses a retry may fix.</summary>
    public static bool IsRetriable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    /// <summary>
    /// Sends the request <paramref name="createRequest"/> builds (called again for each attempt).
    /// Returns the last response, which may still be retriable once retries are exhausted.
    /// </summary>
    /// <exception cref="ConnectException">The server could not be reached after every retry.</exception>
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest,
        Stage stage,
        string what,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using var request = createRequest();
            try
            {
                response = await _client
                    .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e)
                when (e is HttpRequestException
                    || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
                )
            {
                if (attempt >= _maxRetries)
                {
                    throw new ConnectException(
                        stage,
                        $"{what}: {UrlRedaction.Redact(request.RequestUri)} could not be reached after {attempt + 1} attempts: {UrlRedaction.RedactIn(e.Message)}",
                        e
                    );
                }
                var wait = Backoff(attempt);
                _logger.LogWarning(
                    "{What}: request failed ({Error}); retry {Attempt} of {Max} in {Wait} ms",
                    what,
                    UrlRedaction.RedactIn(e.Message),
                    attempt + 1,
                    _maxRetries,
                    (int)wait.TotalMilliseconds
                );
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!IsRetriable(response.StatusCode) || attempt >= _maxRetries)
            {
                return response;
            }
            var delay = RetryAfter(response) ?? Backoff(attempt);
            _logger.LogWarning(
                "{What}: HTTP {Status}; retry {Attempt} of {Max} in {Wait} ms",
                what,
                (int)response.StatusCode,
                attempt + 1,
                _maxRetries,
                (int)delay.TotalMilliseconds
            );
            response.Dispose();
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(
            Math.Min(_backoffMaxMs, _backoffMs * Math.Pow(2, Math.Min(attempt, 30)))
        );

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait =
            header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }
        // Bounded: a server cannot park the task longer than retry.backoff.max.ms.
        var ms = Math.Clamp(wait.Value.TotalMilliseconds, 0, _backoffMaxMs);
        return TimeSpan.FromMilliseconds(ms);
    }
}

using System.Net;
using System.Net.Http.Headers;
using KConnector.Connectors.Transport;
using KConnector.Errors;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors.Sdk.Tests;

public sealed class HttpRetryingSenderTests
{
    private const int BackoffMs = 100;
    private const int BackoffMaxMs = 300;

    [Fact]
    public async Task ServerError_IsRetried_AfterTheBackoff_UntilAnAnswer()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Answer(HttpStatusCode.ServiceUnavailable),
            ScriptedHandler.Answer(HttpStatusCode.OK)
        );
        var (sender, time) = Create(handler, maxRetries: 3);

        using var response = await Send(sender);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Requests);
        Assert.Equal([TimeSpan.FromMilliseconds(BackoffMs)], time.Waits);
    }

    [Fact]
    public async Task Backoff_DoublesEachRetry_UpToItsCap()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(HttpStatusCode.BadGateway));
        var (sender, time) = Create(handler, maxRetries: 3);

        using var response = await Send(sender);

        // Retries exhausted: the last answer is returned for the caller to judge.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(4, handler.Requests);
        Assert.Equal([100.0, 200.0, 300.0], time.Waits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public async Task RetryAfterSeconds_IsHonoured_AndCappedByTheBackoffMax()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Answer(
                HttpStatusCode.TooManyRequests,
                r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(0))
            ),
            ScriptedHandler.Answer(
                HttpStatusCode.TooManyRequests,
                r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromDays(1))
            ),
            ScriptedHandler.Answer(HttpStatusCode.OK)
        );
        var (sender, time) = Create(handler, maxRetries: 5);

        using var response = await Send(sender);

        // Retry-After: 0 retries at once (a zero delay sets no timer; the backoff would have
        // waited 200 ms), and a day is cut to retry.backoff.max.ms.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([(double)BackoffMaxMs], time.Waits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public async Task RetryAfterDate_WaitsUntilThatDate()
    {
        var handler = new ScriptedHandler(
            ScriptedHandler.Answer(
                HttpStatusCode.ServiceUnavailable,
                r =>
                    r.Headers.RetryAfter = new RetryConditionHeaderValue(
                        RecordingTime.Now.AddMilliseconds(200)
                    )
            ),
            ScriptedHandler.Answer(HttpStatusCode.OK)
        );
        var (sender, time) = Create(handler, maxRetries: 1);

        using var response = await Send(sender);

        // 200 ms from now, not the 100 ms backoff.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.Waits);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task ClientErrors_AreNotRetried(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(ScriptedHandler.Answer(status));
        var (sender, time) = Create(handler, maxRetries: 3);

        using var response = await Send(sender);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, handler.Requests);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task UnreachableServer_AfterEveryRetry_IsAConnectException_WithoutTheQuery()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Unreachable());
        var (sender, _) = Create(handler, maxRetries: 2);

        var error = await Assert.ThrowsAsync<ConnectException>(() => Send(sender));

        Assert.Equal(3, handler.Requests);
        Assert.Equal(Stage.TASK_PUT, error.Stage);
        Assert.Contains("http://127.0.0.1/hook", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void IsRetriable_CoversTimeoutsThrottlingAndServerErrors(
        HttpStatusCode status,
        bool retriable
    )
    {
        Assert.Equal(retriable, HttpRetryingSender.IsRetriable(status));
    }

    private static (HttpRetryingSender Sender, RecordingTime Time) Create(
        ScriptedHandler handler,
        int maxRetries
    )
    {
        var time = new RecordingTime();
        return (
            new HttpRetryingSender(
                new HttpClient(handler),
                maxRetries,
                BackoffMs,
                BackoffMaxMs,
                time,
                NullLogger.Instance
            ),
            time
        );
    }

    private static Task<HttpResponseMessage> Send(HttpRetryingSender sender) =>
        sender.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/hook?token=secret"),
            Stage.TASK_PUT,
            "test sink",
            CancellationToken.None
        );
}

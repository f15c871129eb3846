using System.Net.Http.Headers;
using KConnector.Configuration;
using KConnector.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace KConnector.Rest.Endpoints;

/// <summary>
/// Kafka Connect's request forwarding between distributed workers (<c>ConnectorsResource</c> with
/// its <c>RestClient</c>): a request only another worker can complete (the leader's writes, a task
/// its owner restarts) goes to that worker's REST URL with <c>?forward=</c>. The first worker
/// sends <c>forward=true</c>, which lets the next one forward once more (the leader may have
/// changed), with <c>forward=false</c>; a worker given <c>forward=false</c> answers 409 instead of
/// forwarding again, so a request makes at most two hops.
/// </summary>
internal sealed class RequestForwarder : IDisposable
{
    /// <summary>Connect's 409 when the leader is not known (a rebalance).</summary>
    public const string NoLeader =
        "Cannot complete request momentarily due to no known leader URL, likely because a rebalance is in progress";

    /// <summary>Connect's 409 when a forwarded request cannot be completed either.</summary>
    public const string Conflicting =
        "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";

    // Connect's rest request timeout (90 s) bounds a forwarded request.
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(90) };

    /// <summary>Keeps a write's body, so that it can be sent again to another worker.</summary>
    public static void KeepBody(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            request.EnableBuffering();
        }
    }

    /// <summary>The other worker's answer, or Connect's 409 when the request cannot go further.</summary>
    public async Task<IResult> ForwardAsync(
        HttpContext context,
        RequestTargetException target,
        CancellationToken cancellationToken
    )
    {
        var request = context.Request;
        var forward = request.Query["forward"];
        bool? flag = bool.TryParse(forward.ToString(), out var f) ? f : null;
        if (flag == false)
        {
            return RestErrors.Error(StatusCodes.Status409Conflict, Conflicting);
        }
        if (target.ForwardUrl is not { } url)
        {
            return RestErrors.Error(
                StatusCodes.Status409Conflict,
                target is NotLeaderException ? NoLeader : Conflicting
            );
        }
        using var message = await MessageAsync(
                request,
                url,
                recursive: flag is null,
                cancellationToken
            )
            .ConfigureAwait(false);
        try
        {
            using var response = await _client
                .SendAsync(message, cancellationToken)
                .ConfigureAwait(false);
            return await AnswerAsync(context, response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Connect's RestClient: an IO error forwarding is a 500 naming the cause.
            return RestErrors.Error(
                StatusCodes.Status500InternalServerError,
                "IO Error trying to forward REST request: "
                    + (UrlRedaction.RedactIn(e.Message) ?? e.GetType().Name)
            );
        }
    }

    private static async Task<HttpRequestMessage> MessageAsync(
        HttpRequest request,
        string url,
        bool recursive,
        CancellationToken cancellationToken
    )
    {
        var query = new QueryBuilder(
            request
                .Query.Where(q => q.Key != "forward")
                .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty)))
        )
        {
            { "forward", recursive ? "true" : "false" },
        };
        var uri = new Uri(new Uri(url), request.PathBase + request.Path + query.ToQueryString());
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            message.Content = new ByteArrayContent(body.ToArray());
            if (request.ContentType is { } type)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }
        }
        // Connect forwards the caller's credentials, so that the other worker checks them too.
        if (request.Headers.Authorization is { Count: > 0 } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", (string?)authorization);
        }
        return message;
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext context,
        HttpResponseMessage response,
        CancellationToken cancellationToken
    )
    {
        if (response.Headers.Location is { } location)
        {
            context.Response.Headers.Location = new StringValues(location.ToString());
        }
        var status = (int)response.StatusCode;
        var body = await response
            .Content.ReadAsStringAsync(cancellationToken)
            .ConfigureAwait(false);
        return body.Length == 0
            ? Results.StatusCode(status)
            : Results.Content(
                body,
                response.Content.Headers.ContentType?.ToString() ?? "application/json",
                statusCode: status
            );
    }

    public void Dispose() => _client.Dispose();
}

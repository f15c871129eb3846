using System.Net;

namespace KConnector.Connectors.Sdk.Tests;

/// <summary>
/// An HTTP handler that answers from a script, one step per request (a response to build, or an
/// exception to throw), and counts the requests; the last step repeats.
/// </summary>
internal sealed class ScriptedHandler(params Func<HttpResponseMessage>[] steps) : HttpMessageHandler
{
    /// <summary>How many requests were sent.</summary>
    public int Requests { get; private set; }

    /// <summary>A step answering <paramref name="status"/>, with a Retry-After header when given.</summary>
    public static Func<HttpResponseMessage> Answer(
        HttpStatusCode status,
        Action<HttpResponseMessage>? configure = null
    ) =>
        () =>
        {
            var response = new HttpResponseMessage(status);
            configure?.Invoke(response);
            return response;
        };

    /// <summary>A step failing as an unreachable server does.</summary>
    public static Func<HttpResponseMessage> Unreachable() =>
        () => throw new HttpRequestException("Connection refused");

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var step = steps[Math.Min(Requests, steps.Length - 1)];
        Requests++;
        return Task.FromResult(step());
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Http.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, answering with the test's handler and recording every request.</summary>
public sealed class KestrelEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelEndpoint(WebApplication app) => _app = app;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The server's base URL (http://127.0.0.1:port).</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Starts a server whose every request is answered by <paramref name="handler"/> (given the request number, from 0).</summary>
    public static async Task<KestrelEndpoint> StartAsync(
        Func<HttpContext, ReceivedRequest, int, Task> handler
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new KestrelEndpoint(app);
        var count = -1;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(
                    h => h.Key,
                    h => h.Value.ToString(),
                    StringComparer.OrdinalIgnoreCase
                ),
                await reader.ReadToEndAsync()
            );
            endpoint.Requests.Enqueue(received);
            await handler(context, received, Interlocked.Increment(ref count));
        });
        await app.StartAsync();
        endpoint.Url = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return endpoint;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the server saw it.</summary>
public sealed record ReceivedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body
);

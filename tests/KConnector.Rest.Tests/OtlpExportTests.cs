using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>metrics.otlp.endpoint</c> with <c>metrics.otlp.protocol=http/protobuf</c>: the worker pushes
/// its metrics, under Kafka Connect's names, to an OTLP receiver (Kestrel on 127.0.0.1).
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Otlp_PushesConnectsMetricNames_ToTheCollector()
    {
        var requests = new ConcurrentQueue<(string? ContentType, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost(
            "/v1/metrics",
            async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                requests.Enqueue((request.ContentType, body.ToArray()));
                return Results.Ok();
            }
        );
        await receiver.StartAsync();

        await using var server = await RestApiServer.StartAsync(
            workerSettings: new Dictionary<string, string>
            {
                ["metrics.otlp.endpoint"] = receiver.Urls.First() + "/v1/metrics",
                ["metrics.otlp.protocol"] = "http/protobuf",
                ["metrics.otlp.export.interval.ms"] = "200",
            }
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await server.Client.PostJsonAsync(
                    "/connectors",
                    """{"name": "pushed", "config": {"connector.class": "CountingSource", "topic": "numbers"}}"""
                )
            ).Status
        );

        var names = new HashSet<string>(StringComparer.Ordinal);
        await Http.UntilAsync(
            () =>
            {
                while (requests.TryDequeue(out var request))
                {
                    Assert.Equal("application/x-protobuf", request.ContentType);
                    names.UnionWith(OtlpMetricNames.Read(request.Body));
                }
                return Task.FromResult(names.Contains("source-record-write-total"));
            },
            "source-record-write-total pushed over OTLP"
        );
        Assert.Contains("connector-count", names);
        Assert.Contains("connector-status", names);
        Assert.Contains("connector-task-status", names);
        Assert.Contains("task-startup-success-total", names);
        Assert.Contains("source-record-poll-total", names);
        // No scrape endpoint unless asked for.
        using var scrape = await server.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }
}

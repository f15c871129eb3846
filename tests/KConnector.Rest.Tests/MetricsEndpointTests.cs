using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>GET /metrics</c> of a hosted worker with <c>metrics.prometheus.enable=true</c>
/// (<c>AddKafkaConnectMetrics</c>): Kafka Connect's worker, connector, task and source metrics
/// under their names with dashes as underscores, with the values a running worker has.
/// </summary>
public sealed class MetricsEndpointTests
{
    private static readonly Dictionary<string, string> Prometheus = new()
    {
        ["metrics.prometheus.enable"] = "true",
    };

    internal static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusSample.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_CarryConnectsNames_WithTheRunningWorkersValues()
    {
        await using var server = await RestApiServer.StartAsync(workerSettings: Prometheus);
        var client = server.Client;
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await client.PostJsonAsync(
                    "/connectors",
                    """{"name": "metered", "config": {"connector.class": "CountingSource", "topic": "numbers", "tasks.max": "1"}}"""
                )
            ).Status
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await client.PostJsonAsync(
                    "/connectors",
                    """{"name": "breaks", "config": {"connector.class": "CountingSource", "topic": "numbers", "fail.at": "2"}}"""
                )
            ).Status
        );
        var task = ("task", "0");
        IReadOnlyList<PrometheusSample> samples = [];
        await Http.UntilAsync(
            async () =>
            {
                samples = await ScrapeAsync(client);
                return PrometheusSample.Find(
                        samples,
                        "source_record_write_total",
                        ("connector", "metered"),
                        task
                    )
                        is >= 3
                    && PrometheusSample.Find(
                        samples,
                        "connector_task_status",
                        ("connector", "breaks"),
                        ("status", "failed")
                    )
                        is 1;
            },
            "records written by 'metered' and 'breaks' failed, in /metrics"
        );

        Assert.True(
            PrometheusSample.Find(samples, "source_record_poll_total", ("connector", "metered"))
                >= 3
        );
        Assert.Equal(
            2,
            PrometheusSample.Find(
                samples,
                "source_record_poll_total",
                ("connector", "breaks"),
                task
            )
        );
        // connect-worker-metrics: this worker's two connectors and tasks (other tests' workers
        // in this process add theirs), the startups it made.
        Assert.True(PrometheusSample.Find(samples, "connector_count") >= 2);
        Assert.True(PrometheusSample.Find(samples, "task_count") >= 2);
        Assert.True(PrometheusSample.Find(samples, "connector_startup_success_total") >= 2);
        Assert.True(PrometheusSample.Find(samples, "task_startup_attempts_total") >= 2);
        Assert.NotNull(PrometheusSample.Find(samples, "connector_startup_failure_total"));
        Assert.Equal(
            1,
            PrometheusSample.Find(samples, "connector_failed_task_count", ("connector", "breaks"))
        );
        Assert.Equal(
            1,
            PrometheusSample.Find(samples, "connector_running_task_count", ("connector", "metered"))
        );
        // connector-metrics / connector-task-metrics status as a state set.
        Assert.Equal(
            1,
            PrometheusSample.Find(
                samples,
                "connector_status",
                ("connector", "metered"),
                ("status", "running")
            )
        );
        Assert.Equal(
            0,
            PrometheusSample.Find(
                samples,
                "connector_status",
                ("connector", "metered"),
                ("status", "paused")
            )
        );
        Assert.Equal(
            1,
            PrometheusSample.Find(
                samples,
                "connector_task_status",
                ("connector", "metered"),
                task,
                ("status", "running")
            )
        );
        // task-error-metrics are there too (a poll that throws fails the task, as in Connect,
        // without counting as a record error).
        Assert.Equal(
            0,
            PrometheusSample.Find(samples, "total_record_errors", ("connector", "breaks"), task)
                ?? 0
        );
        Assert.NotNull(
            PrometheusSample.Find(samples, "last_error_timestamp", ("connector", "breaks"), task)
        );

        // Paused: the state set moves.
        Assert.Equal(
            HttpStatusCode.Accepted,
            (await client.PutJsonAsync("/connectors/metered/pause")).Status
        );
        samples = await ScrapeAsync(client);
        Assert.Equal(
            1,
            PrometheusSample.Find(
                samples,
                "connector_status",
                ("connector", "metered"),
                ("status", "paused")
            )
        );
        Assert.Equal(
            0,
            PrometheusSample.Find(
                samples,
                "connector_status",
                ("connector", "metered"),
                ("status", "running")
            )
        );
    }

    [Fact]
    public async Task Metrics_NeedCredentials_WhenBasicAuthIsOn()
    {
        await using var server = await RestApiServer.StartAsync(
            new Dictionary<string, string> { ["ops"] = "s3cret" },
            Prometheus
        );
        using (var denied = await server.Client.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
            Assert.DoesNotContain("connector_count", await denied.Content.ReadAsStringAsync());
        }
        server.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:s3cret"))
        );
        Assert.NotNull(PrometheusSample.Find(await ScrapeAsync(server.Client), "connector_count"));
    }

    [Fact]
    public async Task Metrics_NotServed_UnlessEnabled()
    {
        await using var server = await RestApiServer.StartAsync();
        using var response = await server.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System.Net;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>kconnector run</c> with <c>metrics.prometheus.enable=true</c> in its worker properties serves
/// <c>/metrics</c> on its REST listener, scraped from this process while records flow.
/// </summary>
public sealed class RunMetricsTests
{
    [Fact]
    public async Task KconnectorRun_ServesMetrics_OnItsListener()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        using var session = new OperatorSession(
            kafka.BootstrapServers,
            "metrics.prometheus.enable=true"
        );
        var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        try
        {
            using var client = new HttpClient
            {
                BaseAddress = await tool.RestAddressAsync(),
                Timeout = TimeSpan.FromMinutes(2),
            };
            Assert.Equal(
                HttpStatusCode.Created,
                (await client.PostJsonAsync("/connectors", session.SourceJson("scraped"))).Status
            );
            session.AppendOrders(0, 7);

            IReadOnlyList<PrometheusSample> samples = [];
            await Http.UntilAsync(
                async () =>
                {
                    samples = await MetricsEndpointTests.ScrapeAsync(client);
                    return PrometheusSample.Find(
                        samples,
                        "source_record_write_total",
                        ("connector", "scraped")
                    )
                        is 7;
                },
                "7 records written by 'scraped' in kconnector run's /metrics"
            );
            Assert.Equal(
                7,
                PrometheusSample.Find(samples, "source_record_poll_total", ("connector", "scraped"))
            );
            // The tool's own worker: exactly this connector and its one task.
            Assert.Equal(1, PrometheusSample.Find(samples, "connector_count"));
            Assert.Equal(1, PrometheusSample.Find(samples, "task_count"));
            Assert.Equal(1, PrometheusSample.Find(samples, "connector_startup_success_total"));
            Assert.Equal(
                1,
                PrometheusSample.Find(
                    samples,
                    "connector_status",
                    ("connector", "scraped"),
                    ("status", "running")
                )
            );
        }
        finally
        {
            await tool.StopAsync();
        }
    }
}

using KConnector.IntegrationTests.Specs;
using KConnector.Kafka;
using Microsoft.Extensions.Hosting;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// KIP-618's connector keys through a generated connector's config on a hosted worker: a value
/// the key does not allow, and Connect's preflight refusal of <c>exactly.once.support=required</c>
/// on a worker without exactly-once support, stop the host from starting, naming the key.
/// </summary>
public sealed class ExactlyOnceKeysTests
{
    [Theory]
    [InlineData("transaction.boundary", "batch", "poll, interval, connector")]
    [InlineData("exactly.once.support", "always", "requested, required")]
    [InlineData(
        "exactly.once.support",
        "required",
        "This worker does not have exactly-once source support enabled."
    )]
    public async Task AGeneratedSource_IsRefused_NamingTheKey(string key, string value, string says)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSplitSourceConnector(values =>
        {
            values["bootstrap.servers"] = "127.0.0.1:9";
            values["split.topic"] = "spec-split-source";
            values["split.count"] = "10";
            values[key] = value;
        });
        using var host = builder.Build();

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.NotNull(error);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(says, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKeys_AreAccepted_ByAGeneratedSourceOnAStandaloneWorker()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-split-source", partitions: 2);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSplitSourceConnector(values =>
        {
            values["bootstrap.servers"] = kafka.BootstrapServers;
            values["split.topic"] = "spec-split-source";
            values["split.count"] = "10";
            values["exactly.once.support"] = "requested";
            values["transaction.boundary"] = "interval";
            values["transaction.boundary.interval.ms"] = "500";
            values["offsets.storage.topic"] = "split-offsets";
        });
        using var host = builder.Build();

        // A standalone worker has no exactly-once support: the keys are valid and have no effect.
        await host.StartAsync();
        await host.StopAsync();
    }
}

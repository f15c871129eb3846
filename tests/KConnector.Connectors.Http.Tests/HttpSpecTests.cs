using System.Globalization;
using System.Text.Json;
using KConnector.Connectors.Http.Tests.Records;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Kafka;

namespace KConnector.Connectors.Http.Tests;

/// <summary>
/// Specs naming Confluent's HTTP sink and source, compiled into workers with no user code, run on
/// the embedded Kafka cluster against Kestrel on 127.0.0.1.
/// </summary>
public sealed class HttpSpecTests
{
    [Fact]
    public async Task HttpSinkSpec_PostsEveryValueOnce_AsTheJsonOfItsSchema()
    {
        const int Total = 120;
        await using var server = await KestrelEndpoint.StartAsync((_, _, _) => Task.CompletedTask);
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-events", partitions: 2);
        var values = new AvroConverter<Event>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("http-specs"),
            isKey: false
        );
        SpecWorkers.Produce(
            kafka,
            "spec-events",
            Total,
            i =>
                values.FromConnectData(
                    "spec-events",
                    new Event
                    {
                        Id = i,
                        Name = "e" + i.ToString(CultureInfo.InvariantCulture),
                        Score = i % 2 == 0 ? null : i / 2.0,
                    }
                )!
        );
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_EVENTS_URL", server.Url + "/hook");
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_EVENTS_TOKEN", "tok-spec");
        try
        {
            using var environment = new ConnectorEnvironment();
            var sink = new EventsHttpSinkWorker(
                EventsHttpSinkConfig.Parse(
                    new Dictionary<string, string?>(EventsHttpSinkConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );
            await SpecWorkers.RunUntilAsync(sink, () => sink.RecordsProcessed >= Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_EVENTS_URL", null);
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_EVENTS_TOKEN", null);
        }

        var requests = server.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("POST /hook", r.Method + " " + r.PathAndQuery));
        Assert.All(requests, r => Assert.Equal("Bearer tok-spec", r.Headers["Authorization"]));
        Assert.All(
            requests,
            r => Assert.True(JsonDocument.Parse(r.Body).RootElement.GetArrayLength() <= 10)
        );
        var sent = requests
            .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray())
            .Select(e => e.GetRawText())
            .ToList();
        Assert.Equal(
            Enumerable
                .Range(0, Total)
                .Select(i =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"id":{{i}},"name":"e{{i}}","score":{{(i % 2 == 0 ? "null" : (i / 2.0).ToString(CultureInfo.InvariantCulture))}}}"""
                    )
                )
                .Order(StringComparer.Ordinal),
            sent.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task HttpSourceSpec_PagesThroughTheApi_IntoRecordsOfTheSchema()
    {
        const int Total = 25;
        var api = new AccountsApi();
        for (var i = 1; i <= Total; i++)
        {
            api.Accounts[i] = (
                "account " + i.ToString(CultureInfo.InvariantCulture),
                i % 4 == 0 ? null : i * 10.0
            );
        }
        await using var server = await KestrelEndpoint.StartAsync(api.HandleAsync);
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-accounts", partitions: 1);
        Environment.SetEnvironmentVariable(
            "KCONNECTOR_SPEC_ACCOUNTS_URL",
            server.Url + "/services/data/v60.0/query?since=${offset}"
        );
        try
        {
            using var environment = new ConnectorEnvironment();
            var source = new AccountsHttpSourceWorker(
                AccountsHttpSourceConfig.Parse(
                    new Dictionary<string, string?>(AccountsHttpSourceConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );
            await SpecWorkers.RunUntilAsync(source, () => source.RecordsProcessed >= Total);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_ACCOUNTS_URL", null);
        }

        var values = new AvroConverter<Account>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("http-specs"),
            isKey: false
        );
        var accounts = SpecWorkers
            .ReadTopic(kafka, "spec-accounts", Total)
            .Select(v => values.ToConnectData("spec-accounts", v)!)
            .ToList();
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), accounts.Select(a => a.Id));
        Assert.All(
            accounts,
            a =>
            {
                Assert.Equal("account " + a.Id.ToString(CultureInfo.InvariantCulture), a.Name);
                Assert.Equal(a.Id % 4 == 0 ? null : a.Id * 10.0, a.Revenue);
            }
        );
    }
}

using System.Globalization;
using KConnector.Connectors.File.Tests.Records;
using KConnector.Connectors.Sql.Tests;
using KConnector.Converters;
using KConnector.Kafka;

namespace KConnector.Connectors.File.Tests;

/// <summary>
/// Specs/measurements-file-source.connector.json names Kafka Connect's FileStreamSourceConnector:
/// the generator compiles it to a worker (no user code) whose records are built by the accessor
/// generated from measurement.avsc. Run on the embedded Kafka cluster.
/// </summary>
public sealed class FileSourceSpecTests : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Batch = Guid.Parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    private readonly string _file = Path.Combine(
        Path.GetTempPath(),
        "kconnector-spec-" + Guid.NewGuid().ToString("N") + ".jsonl"
    );

    public void Dispose() => System.IO.File.Delete(_file);

    [Fact]
    public async Task FileSourceSpec_ReadsEveryJsonLine_IntoTheTopicOnce()
    {
        const int Total = 400;
        await System.IO.File.WriteAllLinesAsync(
            _file,
            Enumerable
                .Range(0, Total)
                .Select(i =>
                    // Every other line leaves out "unit": the schema's default fills it.
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $$"""{"id": {{i}}, "sensor": "s-{{i % 5}}", "value": {{i}}.5, "taken_at": {{Epoch.AddSeconds(i).ToUnixTimeMilliseconds()}}, "batch": "{{Batch}}"{{(i % 2 == 0 ? ", \"unit\": \"kelvin\"" : "")}}{{(i % 3 == 0 ? ", \"note\": \"n" + i + "\"" : "")}}}"""
                    )
                )
        );
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("spec-measurements", partitions: 1);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_MEASUREMENTS_FILE", _file);
        try
        {
            using var environment = new ConnectorEnvironment();
            var source = new MeasurementsFileSourceWorker(
                MeasurementsFileSourceConfig.Parse(
                    new Dictionary<string, string?>(MeasurementsFileSourceConfig.SpecValues)
                    {
                        ["bootstrap.servers"] = kafka.BootstrapServers,
                    }
                ),
                environment
            );
            using var stop = new CancellationTokenSource();
            var run = source.RunAsync(stop.Token);
            var started = DateTime.UtcNow;
            while (
                source.RecordsProcessed < Total
                && DateTime.UtcNow - started < TimeSpan.FromSeconds(60)
                && !run.IsCompleted
            )
            {
                await Task.Delay(100);
            }
            await stop.CancelAsync();
            await run;
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_MEASUREMENTS_FILE", null);
        }

        var values = new AvroConverter<Measurement>(
            new KConnector.SchemaRegistry.MockSchemaRegistryClient("file-specs"),
            isKey: false
        );
        var read = SpecWorkers
            .ReadTopic(kafka, "spec-measurements", Total)
            .Select(v => values.ToConnectData("spec-measurements", v)!)
            .ToList();
        Assert.Equal(Enumerable.Range(0, Total).Select(i => (long)i), read.Select(m => m.Id));
        Assert.All(
            read,
            m =>
            {
                var i = (int)m.Id;
                Assert.Equal("s-" + (i % 5).ToString(CultureInfo.InvariantCulture), m.Sensor);
                Assert.Equal(i + 0.5, m.Value);
                Assert.Equal(Epoch.AddSeconds(i), m.TakenAt);
                Assert.Equal(Batch, m.Batch);
                Assert.Equal(i % 2 == 0 ? "kelvin" : "celsius", m.Unit);
                Assert.Equal(
                    i % 3 == 0 ? "n" + i.ToString(CultureInfo.InvariantCulture) : null,
                    m.Note
                );
            }
        );
    }
}

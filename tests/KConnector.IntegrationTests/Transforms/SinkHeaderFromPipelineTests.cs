using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Errors;
using KConnector.IntegrationTests.Reliability;
using KConnector.IntegrationTests.Specs;
using KConnector.IntegrationTests.Transforms.Shop;
using KConnector.Records;
using KConnector.SchemaRegistry;
using KConnector.Transforms;
using KConnector.Transforms.Compiled;
using KConnector.Worker;
using static KConnector.IntegrationTests.Transforms.ChainJson;

namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// HeaderFrom$Value compiled on a sink (payments-headers-sink.connector.json) on the embedded Kafka
/// with the registry: Avro payments with a header of their own are consumed, Cast, HeaderFrom
/// (move) and MaskField run compiled in the value converter and InsertHeader at run time after
/// them. The task gets the record's own header (read by the SimpleHeaderConverter), then
/// HeaderFrom's, typed with each field's Connect schema, then InsertHeader's, and a value without
/// the moved fields: what the schemaless chain of the same spec gives, as Kafka Connect's sink
/// transforms the converted record.
/// </summary>
public sealed class SinkHeaderFromPipelineTests
{
    internal const string Topic = "payments-in";
    internal const int Records = 6;

    [Fact]
    public async Task FileSinkSpec_WritesTheValuesOfTheSchemalessChain()
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, Topic);
        Produce(bed);
        var output = bed.PathOf("payments-out.jsonl");
        var sink = new PaymentsHeadersSinkWorker(
            PaymentsHeadersSinkConfig.Parse(
                bed.Config(
                    PaymentsHeadersSinkConfig.SpecValues,
                    ("file", output),
                    ("value.converter.schema.registry.url", bed.RegistryUrl)
                )
            ),
            bed.Environment
        );

        await WorkerRuns.RunUntilAsync([sink], () => PipelineBed.LineCount(output) >= Records);

        Assert.Equal(
            Enumerable.Range(0, Records).Select(i => Normalized(Expected(i).Value!.ToJsonString())),
            (await File.ReadAllLinesAsync(output)).Select(Normalized)
        );
    }

    /// <summary>
    /// With <paramref name="failOnce"/>, the third value's first read fails retriably: the runner's
    /// retry path builds that record's headers as the first attempt would have.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SinkTask_GetsTheHeadersAndValuesOfTheSchemalessChain(bool failOnce)
    {
        await using var bed = await PipelineBed.StartAsync(withRegistry: true, Topic);
        Produce(bed);
        var task = new RecordingSinkTask<string, PaymentsHeadersSinkOutput.Payment>();
        var input = new FailingOnce(
            new AvroConverter<Payment>(Registry(bed), isKey: false),
            failOnce ? 2 : -1
        );
        var runner = Runner(bed, task, input);

        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        await TopicReader.WaitUntilAsync(
            () => task.Records.Count >= Records,
            WorkerRuns.Deadline,
            "every record put",
            run
        );
        await stop.CancelAsync();
        await run;

        Assert.Equal(failOnce, input.Failed);
        foreach (var (record, i) in task.Records.Select((r, i) => (r, i)))
        {
            var expected = Expected(i);
            Assert.Equal(HeaderTexts(Topic, expected.Headers), HeaderTexts(Topic, record.Headers));
            Assert.Equal(
                Normalized(expected.Value!.ToJsonString()),
                Normalized(JsonOf(record.Value!))
            );
            // Typed with the field's schema at that stage: the cvv cast to int16 is an INT16 (the
            // schemaless chain's JSON number is an INT64), the optional note's null the null value.
            Assert.Equal(
                [
                    new("trace", HeaderValue.FromString("t-" + i)),
                    new("payment-id", HeaderValue.FromString("p-" + i)),
                    new("code", HeaderValue.FromInteger(HeaderValueType.Int16, 100 + i)),
                    new("remark", i % 2 == 0 ? HeaderValue.FromString("n" + i) : HeaderValue.Null),
                    new RecordHeader("origin", HeaderValue.FromString("shop")),
                ],
                record.Headers
            );
        }
    }

    // The runner the spec's generated worker builds (PaymentsHeadersSinkWorker.CreateTask), with a
    // task that keeps what it is given: the file sink writes values only.
    private static SinkTaskRunner<string, PaymentsHeadersSinkOutput.Payment> Runner(
        PipelineBed bed,
        RecordingSinkTask<string, PaymentsHeadersSinkOutput.Payment> task,
        IConverter<Payment> input
    )
    {
        var values = bed.Config(
            PaymentsHeadersSinkConfig.SpecValues,
            ("value.converter.schema.registry.url", bed.RegistryUrl),
            ("offset.flush.interval.ms", "300"),
            ("errors.retry.timeout", "30000"),
            ("errors.retry.delay.max.ms", "100")
        );
        var options = CompiledTransformations.Without(
            ConnectorConfig
                .Parse(values.ToDictionary(v => v.Key, v => v.Value!))
                .ToWorkerOptions(0, bed.BootstrapServers, isSink: true),
            PaymentsHeadersSinkConfig.Parse(values).Parsed,
            [
                .. PaymentsHeadersSinkConfig
                    .SpecValues.Where(v =>
                        v.Key.StartsWith("transforms", StringComparison.Ordinal)
                        && !v.Key.StartsWith("transforms.origin", StringComparison.Ordinal)
                    )
                    .Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)),
            ],
            "cast",
            "headers",
            "mask"
        );
        return new SinkTaskRunner<string, PaymentsHeadersSinkOutput.Payment>(
            options,
            task,
            new StringConverter(),
            new SinkChainConverter<Payment, PaymentsHeadersSinkOutput.Payment>(
                input,
                PaymentsHeadersSinkValueChain.Apply,
                PaymentsHeadersSinkValueChain.Headers
            )
        );
    }

    // The value converter, whose read of the record at offset failAt fails once, retriably.
    private sealed class FailingOnce(IConverter<Payment> inner, int failAt) : IConverter<Payment>
    {
        public bool Failed { get; private set; }

        public Payment? ToConnectData(string topic, byte[]? data)
        {
            var value = inner.ToConnectData(topic, data);
            if (!Failed && value?.Id == "p-" + failAt)
            {
                Failed = true;
                throw new RetriableException("The registry is not reachable yet.");
            }
            return value;
        }

        public byte[]? FromConnectData(string topic, Payment? value) =>
            throw new NotSupportedException();
    }

    private static CachedSchemaRegistryClient Registry(PipelineBed bed) =>
        new(new Dictionary<string, string> { ["schema.registry.url"] = bed.RegistryUrl });

    // The schemaless chain of the spec's transforms on payment i with its own header.
    internal static ConnectRecord<string, JsonNode> Expected(int i) =>
        Schemaless(PaymentsHeadersSinkConfig.SpecValues)
            .Apply(
                new ConnectRecord<string, JsonNode>
                {
                    Topic = Topic,
                    Value = new JsonObject
                    {
                        ["id"] = "p-" + i,
                        ["amount"] = i + 0.5,
                        ["card"] = "4111-" + i,
                        ["cvv"] = 100 + i,
                        ["note"] = i % 2 == 0 ? "n" + i : null,
                    },
                    Headers = [new RecordHeader("trace", HeaderValue.FromString("t-" + i))],
                }
            )!;

    // Each payment in Avro, registered under payments-in-value, with the header "trace".
    internal static void Produce(PipelineBed bed)
    {
        using var registry = Registry(bed);
        var converter = new AvroConverter<Payment>(registry, isKey: false);
        using var producer = new ProducerBuilder<Null, byte[]>(
            new ProducerConfig { BootstrapServers = bed.BootstrapServers }
        ).Build();
        for (var i = 0; i < Records; i++)
        {
            var payment = new Payment
            {
                Id = "p-" + i,
                Amount = i + 0.5,
                Card = "4111-" + i,
                Cvv = 100 + i,
                Note = i % 2 == 0 ? "n" + i : null,
            };
            producer.Produce(
                Topic,
                new()
                {
                    Value = converter.FromConnectData(Topic, payment)!,
                    Headers = [new Header("trace", Encoding.UTF8.GetBytes("t-" + i))],
                }
            );
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }
}

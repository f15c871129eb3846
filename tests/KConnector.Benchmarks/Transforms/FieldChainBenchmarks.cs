using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using KConnector.Records;
using KConnector.Transforms;
using KConnector.Worker;

namespace KConnector.Benchmarks.Transforms;

/// <summary>
/// The issue's field-level chain (InsertField$Value static field, ReplaceField$Value rename,
/// Cast$Value to string, TimestampRouter) on one source record: the run-time schemaless path
/// (JsonNode values, Kafka Connect's keys) against hand-written C# doing the same to a typed
/// record, and the chain the build compiles from bench-payments-chain.connector.json (the router
/// in the runner's chain, the field-level stages generated code in the value converter).
/// </summary>
[MemoryDiagnoser]
public class FieldChainBenchmarks
{
    private static readonly DateTimeOffset PaidAt = new(2024, 1, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly SourceRecord<string, JsonNode> _schemaless = new()
    {
        Topic = "payments",
        Key = "p-1",
        Value = new JsonObject
        {
            ["id"] = "p-1",
            ["amount"] = 12.5,
            ["card"] = "4111-1111",
            ["cvv"] = 123,
        },
        Timestamp = PaidAt,
    };
    private readonly SourceRecord<string, Payment> _typed = new()
    {
        Topic = "payments",
        Key = "p-1",
        Value = new Payment("p-1", 12.5, "4111-1111", 123),
        Timestamp = PaidAt,
    };
    private readonly SourceRecord<string, BenchPayment> _generated = new()
    {
        Topic = "payments",
        Key = "p-1",
        Value = new BenchPayment
        {
            Id = "p-1",
            Amount = 12.5,
            Card = "4111-1111",
            Cvv = 123,
        },
        Timestamp = PaidAt,
    };
    private TransformationChain _chain = null!;
    private TransformationChain _runTimePart = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain = ConnectorConfig
            .Parse(
                new Dictionary<string, string>
                {
                    ["name"] = "bench",
                    ["transforms"] = "insert,rename,cast,route",
                    ["transforms.insert.type"] = "InsertField$Value",
                    ["transforms.insert.static.field"] = "source",
                    ["transforms.insert.static.value"] = "shop",
                    ["transforms.rename.type"] = "ReplaceField$Value",
                    ["transforms.rename.renames"] = "card:pan",
                    ["transforms.cast.type"] = "Cast$Value",
                    ["transforms.cast.spec"] = "amount:string",
                    ["transforms.route.type"] = "TimestampRouter",
                }
            )
            .Transformations.CreateChain();
        // What the generated worker of bench-payments-chain.connector.json runs: the router in the
        // runner's chain, the three field-level stages compiled into the value converter.
        _runTimePart = ConnectorConfig
            .Parse(
                new Dictionary<string, string>
                {
                    ["name"] = "bench",
                    ["transforms"] = "route",
                    ["transforms.route.type"] = "TimestampRouter",
                }
            )
            .Transformations.CreateChain();
        var compiled = Compiled();
        var chained = Schemaless();
        var hand = HandWritten();
        var expected =
            $$"""{"id":"{{hand.Value!.Id}}","amount":"{{hand.Value.Amount}}","pan":"{{hand.Value.Pan}}","cvv":{{hand.Value.Cvv}},"source":"{{hand.Value.Source}}"}""";
        var compiledValue = compiled.Value!;
        if (
            compiled.Topic != hand.Topic
            || (
                compiledValue.Id,
                compiledValue.Amount,
                compiledValue.Pan,
                compiledValue.Cvv,
                compiledValue.Source
            )
                != (
                    hand.Value.Id,
                    hand.Value.Amount,
                    hand.Value.Pan,
                    hand.Value.Cvv,
                    hand.Value.Source
                )
        )
        {
            throw new InvalidOperationException(
                $"{compiled.Topic} {compiledValue} differs from {hand.Topic} {hand.Value}"
            );
        }
        if (chained.Topic != hand.Topic || chained.Value!.ToJsonString() != expected)
        {
            throw new InvalidOperationException(
                $"{chained.Topic} {chained.Value!.ToJsonString()} differs from {hand.Topic} {expected}"
            );
        }
    }

    [Benchmark(Description = "schemaless chain (JsonNode, 4 stages)")]
    public SourceRecord<string, JsonNode> Schemaless() =>
        _chain
            .Apply(ConnectRecord<string, JsonNode>.From(_schemaless))!
            .ToSourceRecord(_schemaless);

    [Benchmark(Description = "compiled chain (generated from the spec, typed record)")]
    public SourceRecord<string, BenchPaymentsChainOutput.BenchPayment> Compiled()
    {
        // The runner's part (TimestampRouter), then the value converter's (the generated Apply).
        var routed = _runTimePart
            .Apply(ConnectRecord<string, BenchPayment>.From(_generated))!
            .ToSourceRecord(_generated);
        return new SourceRecord<string, BenchPaymentsChainOutput.BenchPayment>
        {
            Topic = routed.Topic,
            Key = routed.Key,
            Value = BenchPaymentsChainValueChain.Apply(routed.Topic, routed.Value!),
            Timestamp = routed.Timestamp,
            SourcePartition = routed.SourcePartition,
            SourceOffset = routed.SourceOffset,
        };
    }

    [Benchmark(Baseline = true, Description = "hand-written C# (typed record)")]
    public SourceRecord<string, PaymentOut> HandWritten()
    {
        var value = _typed.Value!;
        var topic =
            _typed.Topic
            + "-"
            + _typed.Timestamp!.Value.UtcDateTime.ToString(
                "yyyyMMdd",
                CultureInfo.InvariantCulture
            );
        return new SourceRecord<string, PaymentOut>
        {
            Topic = topic,
            Key = _typed.Key,
            Value = new PaymentOut(
                value.Id,
                value.Amount.ToString("R", CultureInfo.InvariantCulture),
                value.Card,
                value.Cvv,
                "shop"
            ),
            Timestamp = _typed.Timestamp,
            SourcePartition = _typed.SourcePartition,
            SourceOffset = _typed.SourceOffset,
        };
    }

    /// <summary>The typed input: what a generated record from payment.avsc holds.</summary>
    public sealed record Payment(string Id, double Amount, string Card, int Cvv);

    /// <summary>The chain's output type: the transformed schema as a record.</summary>
    public sealed record PaymentOut(string Id, string Amount, string Pan, int Cvv, string Source);
}

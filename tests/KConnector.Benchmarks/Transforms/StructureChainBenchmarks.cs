using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using KConnector.Transforms;
using KConnector.Worker;

namespace KConnector.Benchmarks.Transforms;

/// <summary>
/// Flatten$Value (delimiter '_') + TimestampConverter$Value (a string to Timestamp, a unix time to a
/// string) on one nested order value: the chain the build compiles from
/// bench-orders-flat.connector.json, the run-time schemaless path (JsonNode, Kafka Connect's keys),
/// and hand-written C# doing the same to the typed record. Setup checks the three agree.
/// </summary>
[MemoryDiagnoser]
public class StructureChainBenchmarks
{
    private const string Placed = "2026-03-05 20:15:00";
    private const long PaidAt = 1772742000123;
    private readonly BenchNestedOrder _typed = new()
    {
        Id = "o-1",
        Placed = Placed,
        PaidAt = PaidAt,
        Customer = new BenchNestedCustomer
        {
            Name = "Ada",
            Address = new BenchNestedAddress { City = "Lyon", Zip = 69001 },
        },
    };
    private readonly ConnectRecord<string, JsonNode> _schemaless = new()
    {
        Topic = "orders",
        Value = new JsonObject
        {
            ["id"] = "o-1",
            ["placed"] = Placed,
            ["paid_at"] = PaidAt,
            ["customer"] = new JsonObject
            {
                ["name"] = "Ada",
                ["address"] = new JsonObject { ["city"] = "Lyon", ["zip"] = 69001 },
            },
        },
    };
    private TransformationChain _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain = ConnectorConfig
            .Parse(
                new Dictionary<string, string>(
                    BenchOrdersFlatConfig
                        .SpecValues.Where(v =>
                            v.Key.StartsWith("transforms", StringComparison.Ordinal)
                        )
                        .Select(v => new KeyValuePair<string, string>(v.Key, v.Value!))
                )
                {
                    ["name"] = "bench",
                }
            )
            .Transformations.CreateChain();
        var compiled = Compiled();
        var hand = HandWritten();
        var schemaless = Schemaless().Value!.AsObject();
        if (
            (compiled.Id, compiled.Placed, compiled.PaidAt, compiled.CustomerAddressZip)
                != (hand.Id, hand.Placed, hand.PaidAt, hand.Zip)
            || schemaless["placed"]!.GetValue<long>() != hand.Placed.ToUnixTimeMilliseconds()
            || schemaless["paid_at"]!.GetValue<string>() != hand.PaidAt
            || schemaless["customer_address_city"]!.GetValue<string>() != hand.City
        )
        {
            throw new InvalidOperationException(
                $"{compiled.PaidAt} / {schemaless.ToJsonString()} differ from {hand}"
            );
        }
    }

    [Benchmark(Description = "compiled Flatten + TimestampConverter (generated, typed record)")]
    public BenchOrdersFlatOutput.BenchNestedOrder Compiled() =>
        BenchOrdersFlatValueChain.Apply("orders", _typed);

    [Benchmark(Description = "schemaless Flatten + TimestampConverter (JsonNode, 3 stages)")]
    public ConnectRecord<string, JsonNode> Schemaless() => _chain.Apply(_schemaless)!;

    [Benchmark(Baseline = true, Description = "hand-written C# (typed record)")]
    public FlatOrder HandWritten()
    {
        var value = _typed;
        var placed = DateTime.ParseExact(
            value.Placed,
            "yyyy-MM-dd HH:mm:ss",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
        );
        return new FlatOrder(
            value.Id,
            new DateTimeOffset(placed, TimeSpan.Zero),
            value.PaidAt is { } paid
                ? DateTimeOffset
                    .FromUnixTimeMilliseconds(paid)
                    .UtcDateTime.ToString(
                        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                        CultureInfo.InvariantCulture
                    )
                : null,
            value.Customer.Name,
            value.Customer.Address?.City,
            value.Customer.Address?.Zip
        );
    }

    /// <summary>The chain's output as a hand-written record.</summary>
    public sealed record FlatOrder(
        string Id,
        DateTimeOffset Placed,
        string? PaidAt,
        string Name,
        string? City,
        int? Zip
    );
}

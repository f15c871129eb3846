using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using KConnector.Transforms;
using KConnector.Worker;

namespace KConnector.Benchmarks.Transforms;

/// <summary>
/// Keys made from the value on one payment, three ways each (setup checks they agree): Connect's
/// "key from a value field" (ValueToKey id,card + ReplaceField$Key id:payment_id +
/// ExtractField$Key payment_id: a string key, bench-payments-keyed.connector.json) and a struct key
/// (ValueToKey id,cvv + ReplaceField$Key id:payment_id, bench-payments-keyrecord.connector.json):
/// the chain the build compiles ({Name}KeyChain.Apply, as the key converter calls it), the run-time
/// schemaless path (JsonNode, Kafka Connect's keys) and hand-written C# making the same key.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class KeyChainBenchmarks
{
    private const string StringKey = "ValueToKey + ExtractField$Key";
    private const string StructKey = "ValueToKey + ReplaceField$Key";
    private readonly BenchPayment _typed = new()
    {
        Id = "p-1",
        Amount = 12.5,
        Card = "4111-1111",
        Cvv = 123,
    };
    private readonly ConnectRecord<JsonNode, JsonNode> _schemaless = new()
    {
        Topic = "payments",
        Value = new JsonObject
        {
            ["id"] = "p-1",
            ["amount"] = 12.5,
            ["card"] = "4111-1111",
            ["cvv"] = 123,
        },
    };
    private TransformationChain _keyedChain = null!;
    private TransformationChain _recordChain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keyedChain = Schemaless(BenchPaymentsKeyedConfig.SpecValues);
        _recordChain = Schemaless(BenchPaymentsKeyrecordConfig.SpecValues);
        var compiled = BenchPaymentsKeyrecordKeyChain.Apply("payments", _typed);
        var hand = HandWrittenStruct();
        var schemaless = SchemalessStruct().Key!.AsObject();
        if (
            CompiledString() != HandWrittenString()
            || SchemalessString().Key!.GetValue<string>() != HandWrittenString()
            || (compiled.PaymentId, compiled.Cvv) != (hand.PaymentId, hand.Cvv)
            || schemaless["payment_id"]!.GetValue<string>() != hand.PaymentId
            || schemaless["cvv"]!.GetValue<int>() != hand.Cvv
            || schemaless.Count != 2
        )
        {
            throw new InvalidOperationException(
                $"{compiled.PaymentId} / {schemaless.ToJsonString()} differ from {hand}"
            );
        }
    }

    [BenchmarkCategory(StringKey)]
    [Benchmark(Description = "compiled ValueToKey + ReplaceField$Key + ExtractField$Key")]
    public string CompiledString() => BenchPaymentsKeyedKeyChain.Apply("payments", _typed);

    [BenchmarkCategory(StringKey)]
    [Benchmark(Description = "schemaless ValueToKey + ReplaceField$Key + ExtractField$Key")]
    public ConnectRecord<JsonNode, JsonNode> SchemalessString() => _keyedChain.Apply(_schemaless)!;

    [BenchmarkCategory(StringKey)]
    [Benchmark(Baseline = true, Description = "hand-written C#: the id as the key")]
    public string HandWrittenString() => _typed.Id;

    [BenchmarkCategory(StructKey)]
    [Benchmark(Description = "compiled ValueToKey + ReplaceField$Key (struct key)")]
    public object CompiledStruct() => BenchPaymentsKeyrecordKeyChain.Apply("payments", _typed);

    [BenchmarkCategory(StructKey)]
    [Benchmark(Description = "schemaless ValueToKey + ReplaceField$Key (struct key)")]
    public ConnectRecord<JsonNode, JsonNode> SchemalessStruct() => _recordChain.Apply(_schemaless)!;

    [BenchmarkCategory(StructKey)]
    [Benchmark(Baseline = true, Description = "hand-written C#: a new key record")]
    public PaymentKey HandWrittenStruct() => new(_typed.Id, _typed.Cvv);

    private static TransformationChain Schemaless(
        IEnumerable<KeyValuePair<string, string?>> specValues
    ) =>
        ConnectorConfig
            .Parse(
                new Dictionary<string, string>(
                    specValues
                        .Where(v => v.Key.StartsWith("transforms", StringComparison.Ordinal))
                        .Select(v => new KeyValuePair<string, string>(v.Key, v.Value!))
                )
                {
                    ["name"] = "bench",
                }
            )
            .Transformations.CreateChain();

    /// <summary>The struct key as a hand-written record.</summary>
    public sealed record PaymentKey(string PaymentId, int Cvv);
}

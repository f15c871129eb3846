using System.Text.Json.Serialization;

namespace KConnector.Benchmarks.Avro;

/// <summary>System.Text.Json source generation for the baseline: no reflection at run time either.</summary>
[JsonSerializable(typeof(BenchOrderPoco))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
public sealed partial class BenchJsonContext : JsonSerializerContext;

using KConnector.Connectors;
using KConnector.Records;

namespace KConnector.Benchmarks.Transforms;

/// <summary>
/// The source whose spec (bench-orders-flat.connector.json) compiles Flatten + TimestampConverter
/// for <see cref="StructureChainBenchmarks"/>: the benchmark calls the generated chain, never polls.
/// </summary>
[SourceConnector("bench-orders-source", ValueType = typeof(BenchNestedOrder))]
public sealed partial class BenchOrdersSource
{
    /// <summary>Produces nothing: the benchmark measures the chain only.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, BenchNestedOrder>>> PollAsync(
        CancellationToken cancellationToken
    ) => ValueTask.FromResult<IReadOnlyList<SourceRecord<string, BenchNestedOrder>>>([]);
}

using BenchmarkDotNet.Attributes;
using KConnector.Connectors.Shapes;

namespace KConnector.Benchmarks.Connectors;

/// <summary>
/// The record accessor generated from bench-row.avsc (named by bench-rows-source.connector.json)
/// against <see cref="AvroRecordAccessor{T}"/>, which encodes each record and walks the bytes.
/// Read is what a sink does per record (SQL row, document); Create what a source does.
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*RecordAccessor*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class RecordAccessorBenchmarks
{
    private readonly BenchRowRecordAccessor _generated = new();
    private readonly AvroRecordAccessor<BenchRow> _avro = new();
    private readonly object?[] _values = new object?[8];
    private readonly BenchRow _row = new()
    {
        Id = 42,
        Customer = "customer-42",
        Amount = 19.99,
        Quantity = 3,
        Express = true,
        Note = "leave at the door",
        PlacedAt = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),
        Region = "eu",
    };

    [GlobalSetup]
    public void Setup() => _generated.Read(_row, _values);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public object? ReadAvroRecordAccessor()
    {
        _avro.Read(_row, _values);
        return _values[0];
    }

    [Benchmark]
    [BenchmarkCategory("Read")]
    public object? ReadGenerated()
    {
        _generated.Read(_row, _values);
        return _values[0];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Create")]
    public BenchRow CreateAvroRecordAccessor() => _avro.Create(_values);

    [Benchmark]
    [BenchmarkCategory("Create")]
    public BenchRow CreateGenerated() => _generated.Create(_values);
}

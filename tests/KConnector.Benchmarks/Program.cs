using BenchmarkDotNet.Running;

// Run one area: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*Avro*'
// Figures go to docs/benchmarks.md; benchmarks are never assertions in tests.
// Under load: dotnet run -c Release --project tests/KConnector.Benchmarks -- --interleaved-avro
if (args is [KConnector.Benchmarks.Avro.Peers.AvroPeerInterleaved.Switch, ..])
{
    KConnector.Benchmarks.Avro.Peers.AvroPeerInterleaved.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

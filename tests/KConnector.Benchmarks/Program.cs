using BenchmarkDotNet.Running;

// Run one area: dotnet run -c Release --project tests/KConnector.Benchmarks -- --filter '*Avro*'
// Figures go to docs/benchmarks.md; benchmarks are never assertions in tests.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

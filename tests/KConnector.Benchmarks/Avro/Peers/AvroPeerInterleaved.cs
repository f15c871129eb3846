using System.Diagnostics;
using System.Globalization;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>
/// AvroPeerBenchmarks' decode and encode rows for a loaded machine, where BenchmarkDotNet's
/// short job sees other processes' bursts as microseconds: each row runs a few thousand times
/// per round, the rows take turns round after round in one process, and the figures are the
/// median and the fastest round of each row and the per-round ratio to Apache.Avro specific
/// (both sides of a round ran within milliseconds of each other, under the same load).
/// Run: dotnet run -c Release --project tests/KConnector.Benchmarks -- --interleaved-avro [rounds] [per-round]
/// </summary>
public static class AvroPeerInterleaved
{
    public const string Switch = "--interleaved-avro";

    public static void Run(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 101;
        var perRound = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
        var peers = new AvroPeerBenchmarks();
        peers.Setup();
        Row[] rows =
        [
            new("decode: Apache.Avro specific", () => peers.ApacheSpecificDecode()),
            new("decode: KConnector generated", () => peers.GeneratedDecode()),
            new("decode: floor (allocate + transcode)", () => peers.AllocationFloor()),
            new("encode: Apache.Avro specific", () => peers.ApacheSpecificEncode()),
            new("encode: KConnector generated", () => peers.GeneratedEncode()),
        ];
        Console.WriteLine($"// load average at start: {LoadAverage()}");
        foreach (var row in rows)
        {
            row.Time(perRound * 20);
        }
        for (var round = 0; round < rounds; round++)
        {
            foreach (var row in rows)
            {
                row.Nanoseconds.Add(row.Time(perRound));
            }
        }
        Console.WriteLine($"// load average at end: {LoadAverage()}");
        Print(rows, rounds, perRound);
    }

    private static void Print(Row[] rows, int rounds, int perRound)
    {
        Console.WriteLine(
            $"// {rounds} rounds of {perRound} calls per row; ratio = Apache.Avro specific / row"
        );
        Console.WriteLine(
            "| row | median | fastest round | ratio (median of rounds) | ratio (fastest rounds) |"
        );
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var peer = row.Name.StartsWith("decode", StringComparison.Ordinal) ? rows[0] : rows[3];
            Console.WriteLine(
                $"| {row.Name} | {Median(row.Nanoseconds):F1} ns | {row.Nanoseconds.Min():F1} ns"
                    + $" | {Median(peer.Nanoseconds.Zip(row.Nanoseconds, (p, r) => p / r)):F2}x"
                    + $" | {peer.Nanoseconds.Min() / row.Nanoseconds.Min():F2}x |"
            );
        }
        var (generated, floor) = (rows[1].Nanoseconds, rows[2].Nanoseconds);
        Console.WriteLine(
            $"// decoding beyond the floor: {Median(generated.Zip(floor, (g, f) => g - f)):F1} ns (median of rounds),"
                + $" generated / floor {Median(generated.Zip(floor, (g, f) => g / f)):F2}"
        );
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private sealed record Row(string Name, Func<object> Call)
    {
        public List<double> Nanoseconds { get; } = [];

        public double Time(int calls)
        {
            object? last = null;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                last = Call();
            }
            var elapsed = clock.Elapsed.TotalNanoseconds;
            GC.KeepAlive(last);
            return elapsed / calls;
        }
    }
}

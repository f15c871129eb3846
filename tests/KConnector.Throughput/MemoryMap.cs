using System.Globalization;

namespace KConnector.Throughput;

/// <summary>
/// The process's resident memory by what holds it, read from Linux's /proc/self/smaps: glibc's
/// malloc arenas (librdkafka's queues and fetch buffers, and any native allocation), jitted code,
/// files mapped (the runtime's, librdkafka's and the assemblies' code and data), and the other
/// anonymous memory (the GC's heaps, thread stacks, the runtime's own data).
/// </summary>
internal sealed record MemoryMap(
    double TotalMegabytes,
    double MallocMegabytes,
    double JitCodeMegabytes,
    double FilesMegabytes,
    double OtherAnonymousMegabytes
)
{
    // glibc gives each thread arena a heap of 64 MiB at a 64 MiB-aligned address: its used part a
    // read-write mapping at the start, the rest reserved without access (so the two make 64 MiB).
    private const long ArenaBytes = 64L * 1024 * 1024;

    public static MemoryMap Read()
    {
        var mappings = Mappings();
        double malloc = 0,
            jit = 0,
            files = 0,
            other = 0;
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            if (m.Name == "[heap]" || IsArena(m, i + 1 < mappings.Count ? mappings[i + 1] : null))
            {
                malloc += m.RssMegabytes;
            }
            else if (m.Name.Contains("doublemapper", StringComparison.Ordinal))
            {
                jit += m.RssMegabytes;
            }
            else if (m.Name.StartsWith('/'))
            {
                files += m.RssMegabytes;
            }
            else
            {
                other += m.RssMegabytes;
            }
        }
        return new MemoryMap(malloc + jit + files + other, malloc, jit, files, other);
    }

    private static bool IsArena(Mapping m, Mapping? next) =>
        m.Name.Length == 0
        && m.Start % ArenaBytes == 0
        && (
            m.End - m.Start == ArenaBytes
            || (next is { Name.Length: 0 } n && n.Start == m.End && n.End - m.Start == ArenaBytes)
        );

    private static List<Mapping> Mappings()
    {
        var mappings = new List<Mapping>();
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            if (
                range.Length == 2
                && fields.Length >= 5
                && Hex(range[0]) is { } start
                && Hex(range[1]) is { } end
            )
            {
                mappings.Add(new Mapping(start, end, fields.Length == 6 ? fields[5].Trim() : ""));
            }
            else if (fields[0] == "Rss:" && mappings.Count > 0)
            {
                mappings[^1].RssMegabytes =
                    long.Parse(fields[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return mappings;
    }

    private static long? Hex(string text) =>
        long.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private sealed class Mapping(long start, long end, string name)
    {
        public long Start { get; } = start;

        public long End { get; } = end;

        public string Name { get; } = name;

        public double RssMegabytes { get; set; }
    }
}

using System.Globalization;

namespace KConnector.Throughput;

/// <summary>The process's resident set size from Linux's /proc/self/status: now (VmRSS) and peak (VmHWM).</summary>
internal static class Rss
{
    public static double CurrentMegabytes() => Read("VmRSS:");

    public static double PeakMegabytes() => Read("VmHWM:");

    private static double Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = long.Parse(
                    line[field.Length..].Trim().Split(' ')[0],
                    CultureInfo.InvariantCulture
                );
                return kb / 1024.0;
            }
        }
        return double.NaN;
    }
}

using System.Globalization;

namespace KConnector.Throughput;

/// <summary>The process's peak resident set size, from Linux's /proc/self/status (VmHWM).</summary>
internal static class PeakRss
{
    public static double Megabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(
                    line["VmHWM:".Length..].Trim().Split(' ')[0],
                    CultureInfo.InvariantCulture
                );
                return kb / 1024.0;
            }
        }
        return double.NaN;
    }
}

using System.Globalization;

namespace KConnector.Cli.Running;

/// <summary>
/// One progress line per interval: <c>[5.0s] orders-file-sink: 12,345 records (2,469/s)</c>, each
/// rate over the interval since the previous line.
/// </summary>
internal sealed class ProgressLine(IReadOnlyList<string> names)
{
    private readonly long[] _last = new long[names.Count];
    private TimeSpan _lastAt;

    /// <summary>The line for the connectors' record counts <paramref name="records"/> at <paramref name="elapsed"/>.</summary>
    public string Next(IReadOnlyList<long> records, TimeSpan elapsed)
    {
        var seconds = Math.Max((elapsed - _lastAt).TotalSeconds, 0.001);
        var parts = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var rate = (records[i] - _last[i]) / seconds;
            _last[i] = records[i];
            parts.Add(
                $"{names[i]}: {records[i].ToString("N0", CultureInfo.InvariantCulture)} records ({rate.ToString("N0", CultureInfo.InvariantCulture)}/s)"
            );
        }
        _lastAt = elapsed;
        return $"[{Seconds(elapsed)}] {string.Join("; ", parts)}";
    }

    /// <summary><paramref name="elapsed"/> as <c>5.0s</c>.</summary>
    public static string Seconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}

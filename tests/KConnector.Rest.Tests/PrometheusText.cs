using System.Globalization;
using System.Text.RegularExpressions;

namespace KConnector.Rest.Tests;

/// <summary>The samples of a Prometheus text-format scrape: name, labels and value of each line.</summary>
internal sealed partial record PrometheusSample(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    double Value
)
{
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        [
            .. text.Split('\n')
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => Line().Match(l))
                .Where(m => m.Success)
                .Select(m => new PrometheusSample(
                    m.Groups["name"].Value,
                    Label()
                        .Matches(m.Groups["labels"].Value)
                        .ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
                    double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)
                )),
        ];

    /// <summary>The value of <paramref name="name"/> with (at least) the labels given, or null.</summary>
    public static double? Find(
        IReadOnlyList<PrometheusSample> samples,
        string name,
        params (string Key, string Value)[] labels
    ) =>
        samples
            .FirstOrDefault(s =>
                s.Name == name
                && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)
            )
            ?.Value;

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex Line();

    [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Label();
}

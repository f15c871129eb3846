using System.Globalization;

namespace KConnector.IntegrationTests.Reliability;

/// <summary>Per-partition sequence checks, as Kafka's Connect system tests do them.</summary>
internal static class SequenceCheck
{
    /// <summary>Every value a SequenceSourceTask writes ("sp-N:seq"), partition by partition.</summary>
    public static List<string> All(int partitions, int perPartition) =>
        Enumerable
            .Range(0, partitions)
            .SelectMany(p => Enumerable.Range(0, perPartition).Select(s => $"sp-{p}:{s}"))
            .ToList();

    public static Dictionary<string, List<int>> BySourcePartition(IEnumerable<string> values) =>
        values
            .Select(v => v.Split(':'))
            .GroupBy(parts => parts[0], parts => int.Parse(parts[1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>Every sequence 0..perPartition-1 of every partition is there (duplicates allowed).</summary>
    public static void NoGaps(IEnumerable<string> values, int partitions, int perPartition)
    {
        var seen = BySourcePartition(values);
        Assert.Equal(partitions, seen.Count);
        foreach (var (partition, seqs) in seen)
        {
            var missing = Enumerable.Range(0, perPartition).Except(seqs).ToList();
            Assert.True(
                missing.Count == 0,
                $"{partition} is missing {missing.Count} records, first {missing.FirstOrDefault()}"
            );
        }
    }

    /// <summary>Every sequence exactly once.</summary>
    public static void ExactlyOnce(IEnumerable<string> values, int partitions, int perPartition)
    {
        var list = values.ToList();
        NoGaps(list, partitions, perPartition);
        var duplicates = list.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(
            duplicates.Count == 0,
            $"{duplicates.Count} duplicates, e.g. {duplicates.FirstOrDefault()}"
        );
        Assert.Equal(partitions * perPartition, list.Count);
    }
}

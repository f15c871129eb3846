using KConnector.Connectors.Sql.Source;
using KConnector.Records;

namespace KConnector.Connectors.Sql.Tests;

internal static class SourcePolling
{
    /// <summary>Polls until <paramref name="count"/> records arrived or 15 s passed (bounded: never hangs).</summary>
    public static async Task<List<SourceRecord<string, T>>> PollAsync<T>(
        SqlSourceTask<T> task,
        int count
    )
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var records = new List<SourceRecord<string, T>>();
        while (records.Count < count)
        {
            records.AddRange(await task.PollAsync(deadline.Token));
        }
        return records;
    }
}

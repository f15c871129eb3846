using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Records;

namespace KConnector.Connectors.Sql.Tests;

internal static class SourcePolling
{
    /// <summary>Polls until <paramref name="count"/> records arrived or 15 s passed (bounded: never hangs).</summary>
    public static async Task<List<SourceRecord<string, Product>>> PollAsync(
        SqlSourceTask<Product> task,
        int count
    )
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var records = new List<SourceRecord<string, Product>>();
        while (records.Count < count)
        {
            records.AddRange(await task.PollAsync(deadline.Token));
        }
        return records;
    }
}

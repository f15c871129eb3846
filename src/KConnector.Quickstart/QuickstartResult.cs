using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace KConnector.Quickstart;

/// <summary>What a quickstart run did, and the checks that it did it right.</summary>
/// <param name="OrdersFile">The JSON-lines file read.</param>
/// <param name="Database">The SQLite database written.</param>
/// <param name="DeadLetterFile">The dead-letter queue, exported as JSON lines.</param>
/// <param name="Final">The counts when the run ended.</param>
/// <param name="DeadLetters">The dead-letter queue's records.</param>
/// <param name="Failure">The error a task failed with, if one did.</param>
public sealed record QuickstartResult(
    string OrdersFile,
    string Database,
    string DeadLetterFile,
    QuickstartProgress Final,
    IReadOnlyList<DeadLetter> DeadLetters,
    Exception? Failure
)
{
    /// <summary>
    /// Checks the run against the file itself: every line read; written + dead-lettered equals the
    /// lines read; every dead letter is a line of the file; the table holds exactly the order_ids of
    /// the other lines. Returns what is wrong (empty when all is well).
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Failure is not null)
        {
            problems.Add($"a task failed: {Failure.Message}");
        }
        var final = Final;
        if (final.Read != final.Lines)
        {
            problems.Add($"read {N(final.Read)} of the file's {N(final.Lines)} lines");
        }
        if (final.Written + final.DeadLettered != final.Lines)
        {
            problems.Add(
                $"written ({N(final.Written)}) + dead-lettered ({N(final.DeadLettered)}) is not the {N(final.Lines)} lines read"
            );
        }
        if (DeadLetters.Count != final.DeadLettered)
        {
            problems.Add(
                $"the dead-letter queue holds {N(DeadLetters.Count)} records, but {N(final.DeadLettered)} were dead-lettered"
            );
        }
        // The good lines are the file's lines less the dead-lettered ones (each once).
        var good = File.ReadLines(OrdersFile).Where(l => l.Length > 0).ToList();
        foreach (var letter in DeadLetters)
        {
            if (!good.Remove(letter.Value))
            {
                problems.Add(
                    $"dead letter at offset {letter.Offset} is not a line of the file: {letter.Value}"
                );
            }
        }
        var expected = good.Select(OrderId).Order(StringComparer.Ordinal).ToList();
        var actual = TableOrderIds();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            problems.Add(
                $"the table holds {N(actual.Count)} orders, {N(actual.Except(expected).Count())} not in the file's good lines; {N(expected.Except(actual).Count())} good lines are missing from it"
            );
        }
        if (final.Written != expected.Count)
        {
            problems.Add(
                $"{N(final.Written)} orders written, but the file has {N(expected.Count)} good lines"
            );
        }
        return problems;
    }

    private List<string> TableOrderIds()
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = Database,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT order_id FROM \"{OrdersPipeline.Table}\" ORDER BY order_id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    private static string OrderId(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("order_id").GetString() ?? "";
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

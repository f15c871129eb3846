using System.Globalization;
using System.Text.Json;
using KConnector.Quickstart;
using Microsoft.Data.Sqlite;

namespace KConnector.IntegrationTests.Quickstart;

/// <summary>
/// The quickstart's pipeline (what ./build.sh demo runs): its two specs' generated workers, hosted
/// in-process against a temp directory: the table holds exactly the file's well-formed orders with
/// their values, the exported dead-letter queue exactly its malformed lines with the error headers,
/// and a second run over the same directory leaves the same table.
/// </summary>
public sealed class QuickstartPipelineTests : IDisposable
{
    private readonly string _dir = Directory
        .CreateTempSubdirectory("kconnector-quickstart-")
        .FullName;

    private static string OrdersFile => Path.Combine(AppContext.BaseDirectory, "orders.jsonl");

    [Fact]
    public async Task Run_WritesTheGoodOrdersToSqlite_AndTheMalformedLinesToTheDeadLetterFile_TwiceTheSame()
    {
        var lines = File.ReadLines(OrdersFile).Where(l => l.Length > 0).ToList();
        var good = lines.Select(ExpectedRow).Where(r => r is not null).Select(r => r!).ToList();
        var malformed = lines.Where(l => ExpectedRow(l) is null).ToList();
        // The shipped sample: a few thousand orders, a dozen malformed lines of different kinds.
        Assert.Equal(3012, lines.Count);
        Assert.Equal(12, malformed.Count);

        for (var run = 1; run <= 2; run++)
        {
            var result = await OrdersPipeline.RunAsync(OrdersFile, _dir);

            Assert.Null(result.Failure);
            Assert.Equal(
                new QuickstartProgress(3012, 3012, 3000, 12, result.Final.Elapsed),
                result.Final
            );
            Assert.Empty(result.Problems());
            Assert.Equal(
                good.Order(StringComparer.Ordinal),
                TableRows().Order(StringComparer.Ordinal)
            );
            var dead = File.ReadLines(Path.Combine(_dir, "orders-dlq.jsonl"))
                .Select(l => JsonDocument.Parse(l).RootElement)
                .ToList();
            Assert.Equal(malformed, dead.Select(d => d.GetProperty("value").GetString()));
            foreach (var letter in dead)
            {
                var headers = letter.GetProperty("headers");
                Assert.Equal(
                    "TASK_POLL",
                    headers.GetProperty("__connect.errors.stage").GetString()
                );
                Assert.Equal(
                    "orders-file-source",
                    headers.GetProperty("__connect.errors.connector.name").GetString()
                );
                Assert.Equal(
                    "KConnector.Converters.DataException",
                    headers.GetProperty("__connect.errors.exception.class.name").GetString()
                );
                Assert.StartsWith(
                    $"file source: {OrdersFile}, line at byte ",
                    headers.GetProperty("__connect.errors.exception.message").GetString(),
                    StringComparison.Ordinal
                );
            }
        }
    }

    [Fact]
    public async Task Run_OverAFileWithALineMissing_TheSelfCheckFindsTheTableRowWithoutALine()
    {
        // The self-check compares the table with the file it was given: a table row whose line
        // was removed from the file afterwards is found.
        var copy = Path.Combine(_dir, "orders.jsonl");
        File.Copy(OrdersFile, copy);
        var result = await OrdersPipeline.RunAsync(copy, _dir);
        Assert.Empty(result.Problems());

        var lines = File.ReadAllLines(copy).ToList();
        lines.RemoveAt(0);
        File.WriteAllLines(copy, lines);
        Assert.Contains(
            "the table holds 3,000 orders, 1 not in the file's good lines; 0 good lines are missing from it",
            result.Problems()
        );
    }

    // The test's own reading of a line, independent of the connector: the row it must become, or
    // null when the line is not an order (the columns in table order, as sqlite3 would print them).
    private static string? ExpectedRow(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var o = document.RootElement;
            if (o.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var note =
                o.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String
                    ? n.GetString()
                    : null;
            if (
                o.TryGetProperty("note", out n)
                && n.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
            )
            {
                return null;
            }
            var express = o.GetProperty("express").ValueKind switch
            {
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                _ => throw new FormatException("express"),
            };
            return Row(
                o.GetProperty("order_id").GetString() ?? throw new FormatException("order_id"),
                o.GetProperty("customer_id").GetInt64(),
                o.GetProperty("quantity").GetInt32(),
                o.GetProperty("unit_price").GetDouble(),
                express,
                note
            );
        }
        catch (Exception e)
            when (e
                    is JsonException
                        or FormatException
                        or InvalidOperationException
                        or KeyNotFoundException
            )
        {
            return null;
        }
    }

    private List<string> TableRows()
    {
        using var connection = new SqliteConnection(
            $"Data Source={Path.Combine(_dir, "orders.db")};Pooling=False"
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT order_id, customer_id, quantity, unit_price, express, note FROM orders";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(
                Row(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetInt32(2),
                    reader.GetDouble(3),
                    reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)
                )
            );
        }
        return rows;
    }

    private static string Row(
        string id,
        long customer,
        int quantity,
        double price,
        int express,
        string? note
    ) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{id}|{customer}|{quantity}|{price:R}|{express}|{note ?? "NULL"}"
        );

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

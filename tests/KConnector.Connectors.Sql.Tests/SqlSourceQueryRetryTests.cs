using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Source;
using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Errors;
using Microsoft.Data.Sqlite;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// query.retry.attempts, as Confluent's JDBC source: a query the database fails (a table not there
/// yet, the server away) is tried again on later polls instead of failing the task, for ever by
/// default; past a given limit of failures in a row the task fails naming the table.
/// </summary>
public sealed class SqlSourceQueryRetryTests : IDisposable
{
    private readonly SqliteFile _sqlite = new("kconnector-retry");

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task ByDefault_ATableMadeAfterTheConnectorStarted_IsReadOnceItExists()
    {
        await using var task = Task(retryAttempts: null);

        // The table is missing: each poll reports nothing and the task keeps going.
        for (var poll = 0; poll < 3; poll++)
        {
            Assert.Empty(await PollOnceAsync(task));
        }
        _sqlite.Execute(
            "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL, in_stock INTEGER)"
        );
        _sqlite.Execute("INSERT INTO products VALUES (1, 'a', 1.5, 1), (2, 'b', 2, 0)");

        var records = await SourcePolling.PollAsync(task, 2);
        Assert.Equal(["a", "b"], records.Select(r => r.Value!.Name));
    }

    [Fact]
    public async Task Zero_FailsTheTaskAtTheFirstFailure_NamingTheTable()
    {
        await using var task = Task(retryAttempts: "0");

        var error = await Assert.ThrowsAsync<ConnectException>(() => PollOnceAsync(task));

        Assert.Equal(Stage.TASK_POLL, error.Stage);
        Assert.Contains("products", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALimit_CountsFailuresInARow_AndASuccessfulPollStartsTheCountAgain()
    {
        await using var task = Task(retryAttempts: "2");
        Assert.Empty(await PollOnceAsync(task));
        Assert.Empty(await PollOnceAsync(task));
        _sqlite.Execute(
            "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL, in_stock INTEGER)"
        );
        Assert.Empty(await PollOnceAsync(task)); // succeeds with no rows: the count starts again
        _sqlite.Execute("DROP TABLE products");
        Assert.Empty(await PollOnceAsync(task));
        Assert.Empty(await PollOnceAsync(task));

        var error = await Assert.ThrowsAsync<ConnectException>(() => PollOnceAsync(task));

        Assert.Contains("failed 3 times in a row", error.Message, StringComparison.Ordinal);
        Assert.Contains("query.retry.attempts=2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheKey_RefusesValuesBelowMinusOne()
    {
        var error = Assert.Throws<KConnector.Configuration.ConfigValidationException>(() =>
            Options(retryAttempts: "-2")
        );
        Assert.Contains(error.Issues, issue => issue.Key == "query.retry.attempts");
    }

    private SqlSourceTask<Product> Task(string? retryAttempts) =>
        new(Options(retryAttempts), new AvroRecordAccessor<Product>());

    private SqlSourceOptions Options(string? retryAttempts)
    {
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = _sqlite.Url,
            ["mode"] = "incrementing",
            ["table.whitelist"] = "products",
            ["topic.prefix"] = "lite-",
            ["incrementing.column.name"] = "id",
            ["poll.interval.ms"] = "10",
        };
        if (retryAttempts is not null)
        {
            config["query.retry.attempts"] = retryAttempts;
        }
        return SqlSourceOptions.Parse(config);
    }

    // One poll, bounded: a poll waits at most poll.interval.ms before it queries.
    private static async Task<
        IReadOnlyList<KConnector.Records.SourceRecord<string, Product>>
    > PollOnceAsync(SqlSourceTask<Product> task)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await task.PollAsync(deadline.Token);
    }
}

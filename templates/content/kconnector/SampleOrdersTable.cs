using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Company.Connector;

/// <summary>
/// Gives the SQL source something to copy when it runs on the embedded Kafka (no
/// <c>bootstrap.servers</c>): creates the <c>orders</c> table in the spec's SQLite file with a few
/// sample rows, if it is not there. Against a real cluster it does nothing. Delete it once the
/// connector points at your database.
/// </summary>
public sealed class SampleOrdersTable(
    IConfiguration configuration,
    ILogger<SampleOrdersTable> logger
) : IHostedService
{
    /// <summary>How many rows a new table gets.</summary>
    public const int Count = 20;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Connector:bootstrap.servers"]))
        {
            return;
        }
        var url =
            configuration["Connector:connection.url"]
            ?? OrdersBuiltInConfig.SpecValues["connection.url"]!;
        if (await CreateAsync(url["jdbc:sqlite:".Length..], Count, cancellationToken))
        {
            logger.LogInformation("Created the table 'orders' with {Count} sample rows", Count);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates the table <c>orders</c> (an incrementing <c>id</c> and a column per field of
    /// <see cref="Order"/>) in the SQLite file <paramref name="path"/> with orders 0 to
    /// <paramref name="count"/> - 1; false when the table exists already.
    /// </summary>
    public static async Task<bool> CreateAsync(
        string path,
        int count,
        CancellationToken cancellationToken
    )
    {
        await using var connection = new SqliteConnection("Data Source=" + path);
        await connection.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText =
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'orders'";
        if (
            Convert.ToInt64(
                await exists.ExecuteScalarAsync(cancellationToken),
                CultureInfo.InvariantCulture
            ) > 0
        )
        {
            return false;
        }
        await using var transaction = connection.BeginTransaction();
        await using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText =
            "CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id TEXT NOT NULL, customer_id INTEGER NOT NULL, quantity INTEGER NOT NULL, unit_price REAL NOT NULL, note TEXT)";
        await create.ExecuteNonQueryAsync(cancellationToken);
        for (var n = 0; n < count; n++)
        {
            var order = SampleOrders.Create(n);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO orders (order_id, customer_id, quantity, unit_price) VALUES ($id, $customer, $quantity, $price)";
            insert.Parameters.AddWithValue("$id", order.OrderId);
            insert.Parameters.AddWithValue("$customer", order.CustomerId);
            insert.Parameters.AddWithValue("$quantity", order.Quantity);
            insert.Parameters.AddWithValue("$price", order.UnitPrice);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

using System.Diagnostics;
using KConnector.Records;
using MySqlConnector;

namespace KConnector.Connectors.Benchmarks;

/// <summary>
/// What a developer would write with MySqlConnector for the same work as the sink: per put of 500
/// records one transaction, the INSERTs sent batch.size at a time as one MySqlBatch.
/// </summary>
internal static class MySqlConnectorBaseline
{
    public static async Task<TimeSpan> RunAsync(
        string connectionString,
        SinkRecord<string, BenchOrder>[] records,
        int batchSize
    )
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { Pooling = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        var clock = Stopwatch.StartNew();
        await connection.OpenAsync();
        for (var put = 0; put < records.Length; put += SinkTarget.PutSize)
        {
            var end = Math.Min(put + SinkTarget.PutSize, records.Length);
            await using var transaction = await connection.BeginTransactionAsync();
            for (var start = put; start < end; start += batchSize)
            {
                await using var batch = new MySqlBatch(connection, transaction);
                for (var i = start; i < Math.Min(start + batchSize, end); i++)
                {
                    var order = records[i].Value!;
                    var command = new MySqlBatchCommand(
                        "INSERT INTO bench_baseline (id, customer, amount, note) VALUES (?, ?, ?, ?)"
                    );
                    command.Parameters.Add(new MySqlParameter { Value = order.Id });
                    command.Parameters.Add(new MySqlParameter { Value = order.Customer });
                    command.Parameters.Add(new MySqlParameter { Value = order.Amount });
                    command.Parameters.Add(
                        new MySqlParameter { Value = (object?)order.Note ?? DBNull.Value }
                    );
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        clock.Stop();
        return clock.Elapsed;
    }
}

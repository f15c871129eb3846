using System.Diagnostics;
using KConnector.Records;
using Npgsql;

namespace KConnector.Connectors.Benchmarks;

/// <summary>
/// What a developer would write with Npgsql for the same work as the sink: per put of 500 records one
/// transaction, the INSERTs sent batch.size at a time as one NpgsqlBatch with typed parameters.
/// </summary>
internal static class NpgsqlBaseline
{
    public static async Task<TimeSpan> RunAsync(
        string connectionString,
        SinkRecord<string, BenchOrder>[] records,
        int batchSize
    )
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var clock = Stopwatch.StartNew();
        await connection.OpenAsync();
        for (var put = 0; put < records.Length; put += SinkTarget.PutSize)
        {
            var end = Math.Min(put + SinkTarget.PutSize, records.Length);
            await using var transaction = await connection.BeginTransactionAsync();
            for (var start = put; start < end; start += batchSize)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                for (var i = start; i < Math.Min(start + batchSize, end); i++)
                {
                    var order = records[i].Value!;
                    var command = new NpgsqlBatchCommand(
                        "INSERT INTO bench_baseline (id, customer, amount, note) VALUES ($1, $2, $3, $4)"
                    );
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = order.Id });
                    command.Parameters.Add(
                        new NpgsqlParameter<string> { TypedValue = order.Customer }
                    );
                    command.Parameters.Add(
                        new NpgsqlParameter<double> { TypedValue = order.Amount }
                    );
                    command.Parameters.Add(
                        new NpgsqlParameter { Value = (object?)order.Note ?? DBNull.Value }
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

using Npgsql;

namespace KConnector.Connectors.PostgreSql.Replication;

/// <summary>The replication slot as pg_replication_slots shows it.</summary>
/// <param name="Exists">Whether the slot exists in the database.</param>
/// <param name="Active">Whether another connection streams from it now.</param>
/// <param name="Plugin">Its output plugin.</param>
internal sealed record SlotState(bool Exists, bool Active, string? Plugin)
{
    public static async Task<SlotState> ReadAsync(
        NpgsqlConnection connection,
        string slot,
        CancellationToken cancellationToken
    )
    {
        var command = new NpgsqlCommand(
            "SELECT active, plugin FROM pg_replication_slots WHERE slot_name = $1 AND database = current_database()",
            connection
        );
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = slot });
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SlotState(
                true,
                reader.GetBoolean(0),
                reader.IsDBNull(1) ? null : reader.GetString(1)
            )
            : new SlotState(false, false, null);
    }
}

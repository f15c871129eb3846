namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>Debezium's <c>source</c> block of a PostgreSQL change (<c>io.debezium.connector.postgresql.Source</c>).</summary>
/// <param name="Version">The connector's version.</param>
/// <param name="Connector">Always <c>postgresql</c>.</param>
/// <param name="Name">The connector's topic.prefix.</param>
/// <param name="TsMs">The commit time (ms since the epoch).</param>
/// <param name="Snapshot"><c>true</c>, <c>last</c> or <c>false</c>.</param>
/// <param name="Db">The database.</param>
/// <param name="Sequence">The last commit LSN and this change's LSN, as JSON text.</param>
/// <param name="Schema">The table's schema.</param>
/// <param name="Table">The table's name.</param>
/// <param name="TxId">The transaction id, null in a snapshot.</param>
/// <param name="Lsn">The change's position in the log.</param>
public sealed record ChangeSource(
    string Version,
    string Connector,
    string Name,
    long TsMs,
    string? Snapshot,
    string Db,
    string? Sequence,
    string Schema,
    string Table,
    long? TxId,
    long? Lsn
);

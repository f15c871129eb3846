namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>snapshot.mode, as Debezium's PostgreSQL connector names its modes.</summary>
public enum SnapshotMode
{
    /// <summary>initial: read every captured table once when no offset is stored, then stream.</summary>
    Initial,

    /// <summary>never / no_data: stream changes only.</summary>
    NoData,

    /// <summary>initial_only: read every captured table once, then stop (no streaming).</summary>
    InitialOnly,
}

namespace KConnector.Connectors.Sql.Configuration;

/// <summary>The JDBC source's <c>mode</c>: how new rows are found.</summary>
public enum SourceMode
{
    /// <summary>The whole table every poll.interval.ms.</summary>
    Bulk,

    /// <summary>Rows whose strictly increasing column is above the last one seen (new rows only).</summary>
    Incrementing,

    /// <summary>Rows whose timestamp column is after the last one seen (new and updated rows).</summary>
    Timestamp,

    /// <summary>Timestamp, with the incrementing column breaking ties within one timestamp (no row lost or repeated).</summary>
    TimestampIncrementing,
}

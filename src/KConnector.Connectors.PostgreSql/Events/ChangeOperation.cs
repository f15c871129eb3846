namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>The envelope's <c>op</c>, as Debezium's <c>Envelope.Operation</c>.</summary>
internal enum ChangeOperation
{
    /// <summary>c: a row was inserted.</summary>
    Create,

    /// <summary>u: a row was updated.</summary>
    Update,

    /// <summary>d: a row was deleted.</summary>
    Delete,

    /// <summary>r: a row was read by the snapshot.</summary>
    Read,

    /// <summary>t: the table was truncated.</summary>
    Truncate,

    /// <summary>Not a change: a heartbeat record (heartbeat.interval.ms).</summary>
    Heartbeat,
}

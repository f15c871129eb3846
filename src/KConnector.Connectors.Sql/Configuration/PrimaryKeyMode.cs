namespace KConnector.Connectors.Sql.Configuration;

/// <summary>The JDBC sink's <c>pk.mode</c>: where the primary key columns come from.</summary>
public enum PrimaryKeyMode
{
    /// <summary>No key: every value field is a column, nothing is a key.</summary>
    None,

    /// <summary>
    /// The Kafka coordinates: columns <c>__connect_topic</c>, <c>__connect_partition</c>,
    /// <c>__connect_offset</c> (or the three names in pk.fields).
    /// </summary>
    Kafka,

    /// <summary>The record key: a primitive key is one column, a record key's fields are columns.</summary>
    RecordKey,

    /// <summary>Fields of the record value (pk.fields, or all of them).</summary>
    RecordValue,
}

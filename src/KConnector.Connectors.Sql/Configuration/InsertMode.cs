namespace KConnector.Connectors.Sql.Configuration;

/// <summary>The JDBC sink's <c>insert.mode</c>.</summary>
public enum InsertMode
{
    /// <summary>Plain INSERT; a duplicate key fails the batch.</summary>
    Insert,

    /// <summary>Insert or update by key (idempotent: replays write the same row).</summary>
    Upsert,

    /// <summary>UPDATE by key; records whose row does not exist change nothing.</summary>
    Update,
}

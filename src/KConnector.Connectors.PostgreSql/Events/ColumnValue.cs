namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// A column's value in a row image: its text (PostgreSQL's output format), null, or a TOASTed
/// value the update did not change (pgoutput does not send it; Debezium writes a placeholder).
/// </summary>
internal readonly record struct ColumnValue(string? Text, bool Unavailable = false)
{
    /// <summary>SQL NULL.</summary>
    public static ColumnValue Null => default;

    /// <summary>An unchanged TOASTed value the log does not carry.</summary>
    public static ColumnValue UnchangedToast => new(null, Unavailable: true);
}

using KConnector.Connectors.Sql.Dialects;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>One destination table once checked (created or evolved): its statements, with the table's own column spellings.</summary>
internal sealed record SqlTableState(
    string Table,
    IReadOnlyList<SqlColumn> Columns,
    SqlStatement Write,
    SqlStatement? Delete
);

namespace KConnector.Generator.Cdc;

/// <summary>One table of a spec's table.value.schemas whose .avsc yields a record.</summary>
/// <param name="Schema">The table's schema (namespace).</param>
/// <param name="Table">The table's name.</param>
/// <param name="SchemaFile">The .avsc as the spec writes it.</param>
/// <param name="RowType">The record generated from it, <c>global::</c>-qualified.</param>
/// <param name="EventName">The generated envelope class's name (&lt;Table&gt;ChangeEvent).</param>
internal sealed record CdcTableModel(
    string Schema,
    string Table,
    string SchemaFile,
    string RowType,
    string EventName
);

namespace KConnector.Generator.Cdc;

/// <summary>One entry of table.value.schemas as written: <c>schema.table:path</c>, the path resolved against the spec's folder.</summary>
internal sealed record CdcTableEntry(
    string Schema,
    string Table,
    string Written,
    string ResolvedPath
)
{
    public string QualifiedName => Schema + "." + Table;
}

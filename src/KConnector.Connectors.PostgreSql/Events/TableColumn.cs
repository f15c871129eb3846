namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>One column of a captured table, as the relation message and the catalog describe it.</summary>
/// <param name="Name">The column's name (the field's name in before, after and the key).</param>
/// <param name="TypeOid">The PostgreSQL type's OID (pg_type.oid).</param>
/// <param name="TypeModifier">atttypmod: precision and scale of numeric, precision of timestamps; -1 when none.</param>
/// <param name="Optional">Whether the column may be null (not attnotnull).</param>
internal sealed record TableColumn(string Name, uint TypeOid, int TypeModifier, bool Optional)
{
    /// <summary>How the column's text value becomes a field (decided once per relation).</summary>
    public required ColumnMapping Mapping { get; init; }
}

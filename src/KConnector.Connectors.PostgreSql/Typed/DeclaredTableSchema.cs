namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>One table whose rows (the envelope's <c>before</c> and <c>after</c>) have a declared Avro record schema.</summary>
/// <param name="Schema">The table's schema (namespace), e.g. <c>public</c>.</param>
/// <param name="Table">The table's name.</param>
/// <param name="SchemaFile">The .avsc file the spec names, for errors.</param>
/// <param name="RowSchemaJson">The record's schema as self-contained JSON (the generated type's <c>AvroSchemaJson</c>).</param>
public sealed record DeclaredTableSchema(
    string Schema,
    string Table,
    string SchemaFile,
    string RowSchemaJson
);

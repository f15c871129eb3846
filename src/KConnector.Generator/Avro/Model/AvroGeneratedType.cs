namespace KConnector.Generator.Avro;

/// <summary>
/// One type to generate, with every reference resolved: the definition, its self-contained
/// schema JSON, its Parsing Canonical Form and CRC-64-AVRO fingerprint. Value-equatable: a type
/// whose schema and dependencies did not change compares equal, so its source is not rebuilt.
/// </summary>
internal sealed record AvroGeneratedType(
    AvroNamedTypeModel Definition,
    string SchemaJson,
    string CanonicalForm,
    long Fingerprint
);

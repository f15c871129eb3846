namespace KConnector.Generator.Connectors;

/// <summary>The converters a generated worker can use today.</summary>
internal enum ConverterKind
{
    String,
    Avro,
}

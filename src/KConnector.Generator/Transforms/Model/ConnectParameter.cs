namespace KConnector.Generator.Transforms;

/// <summary>
/// One of a Connect schema's parameters (<c>Schema.parameters()</c>, kept in insertion order), as
/// Confluent's AvroData sets them when it reads an Avro type Connect has no type for: an enum's
/// name and symbols, a decimal's scale and precision. AvroData writes them back as the Avro type's
/// <c>connect.parameters</c>.
/// </summary>
internal sealed record ConnectParameter(string Key, string Value);

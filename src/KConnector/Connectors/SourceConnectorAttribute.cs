namespace KConnector.Connectors;

/// <summary>
/// Makes a partial class a source connector: the class writes <c>PollAsync</c> (and optionally
/// <c>StartAsync</c>/<c>StopAsync</c>); the generator writes its config class with validation and a
/// <c>ConfigDefinition</c>, the worker wiring with the converters, and <c>services.Add{Name}Connector(...)</c>.
/// </summary>
/// <param name="name">The connector's default <c>name</c> (Kafka Connect's unique connector name).</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SourceConnectorAttribute(string name) : Attribute
{
    /// <summary>The connector's default name.</summary>
    public string Name { get; } = name;

    /// <summary>The key type: <c>typeof(string)</c> (the default), <c>typeof(byte[])</c>, or a type generated from an .avsc or .schema.json file.</summary>
    public Type? KeyType { get; set; }

    /// <summary>The value type: <c>typeof(string)</c> (the default), <c>typeof(byte[])</c>, or a type generated from an .avsc or .schema.json file.</summary>
    public Type? ValueType { get; set; }

    /// <summary>The default <c>key.converter</c>, by Kafka Connect class name or short name (<c>String</c>, <c>ByteArray</c>, <c>Avro</c>, <c>JsonSchema</c>, <c>Json</c>); when unset, the type's own: String for string, ByteArray for byte[], Avro for an .avsc record, JsonSchema for a .schema.json type.</summary>
    public string? KeyConverter { get; set; }

    /// <summary>The default <c>value.converter</c>, named as <see cref="KeyConverter"/> is; when unset, the type's own.</summary>
    public string? ValueConverter { get; set; }
}

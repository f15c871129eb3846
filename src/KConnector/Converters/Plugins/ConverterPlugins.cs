using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>
/// The converters and header converters a worker can create, each from its descriptor: what
/// <see cref="ConverterFactory"/> accepts, what the REST API's <c>GET /connector-plugins</c> lists
/// and what <c>kconnector describe</c> shows. The generator reads the same descriptors from the
/// runtime's metadata, so a build accepts exactly the names and settings a worker does.
/// </summary>
public static class ConverterPlugins
{
    /// <summary>Every converter and header converter, converters first.</summary>
    public static IReadOnlyList<ConverterPlugin> All { get; } =
    [
        new(typeof(AvroConverterPlugin), AvroConverterPlugin.Definition),
        new(typeof(ProtobufConverterPlugin), ProtobufConverterPlugin.Definition),
        new(typeof(JsonSchemaConverterPlugin), JsonSchemaConverterPlugin.Definition),
        new(typeof(JsonConverterPlugin), JsonConverterPlugin.Definition),
        new(typeof(StringConverterPlugin), StringConverterPlugin.Definition),
        new(typeof(ByteArrayConverterPlugin), ByteArrayConverterPlugin.Definition),
        new(typeof(SimpleHeaderConverterPlugin), SimpleHeaderConverterPlugin.Definition),
    ];

    /// <summary>The converters (<c>key.converter</c>, <c>value.converter</c>).</summary>
    public static IEnumerable<ConverterPlugin> Converters =>
        All.Where(p => p.Kind == PluginKind.Converter);

    /// <summary>The converter <paramref name="name"/> names (class name or alias, any case), or null.</summary>
    public static ConverterPlugin? FindConverter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Converters.FirstOrDefault(p => p.IsNamed(name));
    }

    /// <summary>
    /// The header converters (<c>header.converter</c>): the SimpleHeaderConverter (Kafka Connect's
    /// default) first, then the converters that are also header converters.
    /// </summary>
    public static IEnumerable<ConverterPlugin> HeaderConverters =>
        All.Where(p => p.IsHeaderConverter).OrderBy(p => p.Kind == PluginKind.Converter);

    /// <summary>The header converter <paramref name="name"/> names, or null.</summary>
    public static ConverterPlugin? FindHeaderConverter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HeaderConverters.FirstOrDefault(p => p.IsNamed(name));
    }
}

using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector describe</c> for converters and header converters, from the descriptors the
/// generator reads (the runtime's <c>[ConnectPlugin]</c> converter classes): listed with their
/// aliases, and one described by any of its names with what it carries and its own settings as a
/// config gives them (<c>key.converter.*</c> / <c>value.converter.*</c>).
/// </summary>
internal static class DescribeConverters
{
    public static async Task ListAsync(PluginCatalog catalog, TextWriter output)
    {
        await output.WriteLineAsync("Converters:").ConfigureAwait(false);
        foreach (var converter in catalog.Converters.Where(c => !c.IsHeaderConverter))
        {
            await output.WriteLineAsync(Line(converter)).ConfigureAwait(false);
        }
        await output.WriteLineAsync("Header converters:").ConfigureAwait(false);
        foreach (var converter in HeaderConverters(catalog))
        {
            await output.WriteLineAsync(Line(converter)).ConfigureAwait(false);
        }
    }

    /// <summary>Describes the converter <paramref name="name"/> names; false when it names none.</summary>
    public static async Task<bool> TryDescribeAsync(
        PluginCatalog catalog,
        string name,
        TextWriter output
    )
    {
        if (catalog.Converters.FirstOrDefault(c => c.IsNamed(name)) is not { } converter)
        {
            return false;
        }
        var header = converter.IsHeaderConverter || converter.AlsoHeaderConverter;
        await output
            .WriteLineAsync(
                converter.ClassName
                    + (
                        converter.IsHeaderConverter ? ": a header converter"
                        : header ? ": a converter, also a header converter"
                        : ": a converter"
                    )
            )
            .ConfigureAwait(false);
        var keys =
            converter.IsHeaderConverter ? "header.converter"
            : header ? "key.converter, value.converter or header.converter"
            : "key.converter or value.converter";
        await output
            .WriteLineAsync($"  {keys} may also be: {string.Join(", ", converter.Aliases)}")
            .ConfigureAwait(false);
        if (!converter.IsHeaderConverter)
        {
            await output
                .WriteLineAsync("  carries: " + Carries(converter.Carries))
                .ConfigureAwait(false);
        }
        if (converter.Keys.Count == 0)
        {
            await output.WriteLineAsync("  settings: none").ConfigureAwait(false);
        }
        foreach (var key in converter.Keys)
        {
            await output
                .WriteLineAsync($"  key.converter.{key.Name}, value.converter.{key.Name}")
                .ConfigureAwait(false);
            await output
                .WriteLineAsync($"    {DescribeCommand.Facts(key, false)}")
                .ConfigureAwait(false);
            await output.WriteLineAsync($"    {key.Doc}").ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>Every name a converter goes by, for did-you-mean.</summary>
    public static IEnumerable<string> Names(PluginCatalog catalog) =>
        catalog.Converters.SelectMany(c => c.Names);

    private static IEnumerable<ConverterPluginModel> HeaderConverters(PluginCatalog catalog) =>
        catalog
            .Converters.Where(c => c.IsHeaderConverter || c.AlsoHeaderConverter)
            .OrderBy(c => !c.IsHeaderConverter);

    private static string Line(ConverterPluginModel converter) =>
        $"  {converter.ClassName} (also {string.Join(", ", converter.Aliases)})";

    private static string Carries(TypeFormats carries)
    {
        var words = new List<string>();
        Add(TypeFormats.AvroRecord, "records generated from .avsc");
        Add(TypeFormats.JsonSchemaRecord, "types generated from .schema.json");
        Add(TypeFormats.ProtobufMessage, "Protobuf messages");
        Add(TypeFormats.String, "string");
        Add(TypeFormats.Bytes, "byte[]");
        Add(TypeFormats.SchemalessJson, "schemaless JSON (a sink's value without a schema file)");
        return string.Join(", ", words);

        void Add(TypeFormats format, string word)
        {
            if ((carries & format) != 0)
            {
                words.Add(word);
            }
        }
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KConnector.Generator.Connectors;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Tests.SpecSchema;

/// <summary>
/// A family of keys a spec names by prefix rather than one by one (a transformation alias's keys, a
/// client override, a converter's own setting): a pattern of the schema's <c>patternProperties</c>.
/// </summary>
/// <param name="Pattern">The regular expression the key names match.</param>
/// <param name="Schema">The schema of their values, with a description.</param>
/// <param name="Kind">The connector kind that takes them; null: both.</param>
/// <param name="Names">
/// Keys of the family also listed as properties: IDEs complete <c>properties</c>, never a pattern, so
/// a converter's settings (<c>value.converter.schema.registry.url</c>) are offered by name.
/// </param>
internal sealed record KeyFamily(
    string Pattern,
    Func<JsonObject> Schema,
    ConnectorKind? Kind,
    IReadOnlyList<string>? Names = null
)
{
    private static readonly string[] AnyScalar = ["string", "number", "boolean"];

    /// <summary>
    /// The families the generator and the runtime accept, each checked by its own plugin: the fixed
    /// ones, then each setting a converter's descriptor defines under key.converter. / value.converter.
    /// (the build checks it against the converter the key or value gets, KCN0280).
    /// </summary>
    public static IEnumerable<KeyFamily> For(PluginCatalog catalog) =>
        Fixed.Concat(ConverterSettings(catalog));

    private static IEnumerable<KeyFamily> ConverterSettings(PluginCatalog catalog) =>
        catalog
            .Converters.Where(c => !c.IsHeaderConverter)
            .SelectMany(c => c.Keys.Select(k => (Converter: c, Key: k)))
            .GroupBy(s => s.Key.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KeyFamily(
                "^(key|value)\\.converter\\." + Regex.Escape(g.Key) + "$",
                () =>
                    ConfigKeySchema.For(
                        g.First().Key,
                        g.First().Key.Doc
                            + " A setting of the key or value converter ("
                            + string.Join(", ", g.Select(s => s.Converter.SimpleName))
                            + "), passed to it with the prefix removed."
                    ),
                null,
                ["key.converter." + g.Key, "value.converter." + g.Key]
            ));

    private static IReadOnlyList<KeyFamily> Fixed { get; } =
    [
        new(
            "^(transforms|predicates)\\.[^.]+\\..+",
            () =>
                Scalar(
                    "A key of one alias of transforms or predicates: transforms.<alias>.type (a transformation's class or alias), .predicate, .negate, or one of the transformation's own keys (docs/transforms.md). The build checks each against the transformation's definition."
                ),
            null
        ),
        new(
            "^producer\\.override\\.",
            () =>
                Scalar(
                    "Source connectors: a producer client setting passed to librdkafka as it is (Kafka Connect's per-connector client override, KIP-458)."
                ),
            ConnectorKind.Source
        ),
        new(
            "^consumer\\.override\\.",
            () =>
                Scalar(
                    "Sink connectors: a consumer client setting passed to librdkafka as it is (max.poll.records sets the largest batch handed to one put)."
                ),
            ConnectorKind.Sink
        ),
    ];

    public bool AppliesTo(ConnectorKind kind) => Kind is null || Kind == kind;

    private static JsonObject Scalar(string description) =>
        new() { ["description"] = description, ["type"] = ConfigKeySchema.Strings(AnyScalar) };
}

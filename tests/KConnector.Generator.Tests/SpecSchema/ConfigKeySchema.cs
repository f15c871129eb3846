using System.Globalization;
using System.Text.Json.Nodes;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Tests.SpecSchema;

/// <summary>
/// The JSON Schema of one config key's value, from its definition: what a spec may write for it.
/// Values are strings as Kafka Connect's REST API takes them, or the JSON type the key's type allows;
/// any string may be a <c>${provider:path:key}</c> reference, resolved when the worker starts.
/// </summary>
internal static class ConfigKeySchema
{
    /// <summary>A config provider reference, which stands for any value until the worker resolves it.</summary>
    public const string ReferencePattern = "^\\$\\{[^}]+\\}$";

    private const string IntegerTextPattern = "^(-?[0-9]+|\\$\\{[^}]+\\})$";
    private const string NumberTextPattern =
        "^(-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|\\$\\{[^}]+\\})$";

    /// <summary>The key's schema with its description and default.</summary>
    public static JsonObject For(ConfigKeyModel key, string description)
    {
        var schema = new JsonObject { ["description"] = description };
        if (DefaultOf(key) is { } value)
        {
            schema["default"] = value;
        }
        schema["anyOf"] = ValueShapes(key);
        return schema;
    }

    /// <summary>The key's schema when a value may also be one of <paramref name="names"/> exactly.</summary>
    public static JsonArray NamedOrReference(IEnumerable<string> names, string? otherPattern) =>
        [
            new JsonObject { ["type"] = "string", ["enum"] = Strings(names) },
            new JsonObject { ["type"] = "string", ["pattern"] = otherPattern ?? ReferencePattern },
        ];

    public static JsonArray Strings(IEnumerable<string> values) =>
        [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static JsonArray ValueShapes(ConfigKeyModel key) =>
        key.Type switch
        {
            ConfigKeyType.Boolean =>
            [
                new JsonObject { ["type"] = "boolean" },
                new JsonObject { ["type"] = "string", ["enum"] = Strings(["true", "false"]) },
                new JsonObject { ["type"] = "string", ["pattern"] = ReferencePattern },
            ],
            ConfigKeyType.Int or ConfigKeyType.Long => Numeric(key, "integer", IntegerTextPattern),
            ConfigKeyType.Double => Numeric(key, "number", NumberTextPattern),
            ConfigKeyType.List =>
            [
                new JsonObject { ["type"] = "string" },
                new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string" },
                },
            ],
            _ when key.OneOf.Count > 0 => NamedOrReference(key.OneOf, null),
            _ when key.Pattern is { } pattern =>
            [
                new JsonObject { ["type"] = "string", ["pattern"] = "^(?:" + pattern + ")$" },
                new JsonObject { ["type"] = "string", ["pattern"] = ReferencePattern },
            ],
            _ => [new JsonObject { ["type"] = "string" }],
        };

    private static JsonArray Numeric(ConfigKeyModel key, string type, string textPattern)
    {
        var number = new JsonObject { ["type"] = type };
        if (key.Min is { } min)
        {
            number["minimum"] = decimal.Parse(
                min,
                NumberStyles.Float,
                CultureInfo.InvariantCulture
            );
        }
        if (key.Max is { } max)
        {
            number["maximum"] = decimal.Parse(
                max,
                NumberStyles.Float,
                CultureInfo.InvariantCulture
            );
        }
        return [number, new JsonObject { ["type"] = "string", ["pattern"] = textPattern }];
    }

    // The default as the JSON value an editor inserts: a number or boolean where the type is one.
    private static JsonNode? DefaultOf(ConfigKeyModel key)
    {
        if (key.Default is not { } text)
        {
            return null;
        }
        var invariant = CultureInfo.InvariantCulture;
        return key.Type switch
        {
            ConfigKeyType.Boolean when bool.TryParse(text, out var b) => JsonValue.Create(b),
            ConfigKeyType.Int
            or ConfigKeyType.Long
                when long.TryParse(text, NumberStyles.Integer, invariant, out var l) =>
                JsonValue.Create(l),
            ConfigKeyType.Double
                when decimal.TryParse(text, NumberStyles.Float, invariant, out var d) =>
                JsonValue.Create(d),
            ConfigKeyType.Boolean
            or ConfigKeyType.Int
            or ConfigKeyType.Long
            or ConfigKeyType.Double => null,
            _ => JsonValue.Create(text),
        };
    }
}

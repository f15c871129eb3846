using KConnector.Configuration;
using KConnector.Errors;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The keys of Kafka Connect's <c>Cast</c>, shared by its <c>$Key</c> and <c>$Value</c> descriptors.</summary>
[ConfigKey(
    "spec",
    ConfigType.List,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "List of fields and the type to cast them to of the form field1:type,field2:type to cast fields of Maps or Structs. A single type to cast the entire value. Valid types are int8, int16, int32, int64, float32, float64, boolean, and string."
)]
[IncludeConfigKeys(typeof(ReplaceNullWithDefaultKey))]
internal static class CastConfig
{
    public static ITransformation Create(ParsedConfig config, RecordPart part)
    {
        ArgumentNullException.ThrowIfNull(config);
        var spec = config.Get<IReadOnlyList<string>>("spec") ?? [];
        if (spec.Count == 0)
        {
            throw new ConfigException(
                "spec",
                "Invalid value [] for configuration spec: Must specify at least one field to cast."
            );
        }
        return new CastTransformation(part, Parse(spec));
    }

    // Cast.parseFieldTypes: "field:type" pairs, or one bare type for the whole value.
    private static IReadOnlyList<(string? Field, CastType Type)> Parse(IReadOnlyList<string> spec)
    {
        var casts = new List<(string?, CastType)>();
        foreach (var mapping in spec)
        {
            var parts = mapping.Split(':');
            if (parts.Length > 2 || (parts.Length == 2 && parts[0].Trim().Length == 0))
            {
                throw Invalid(spec, $"Invalid cast mapping: {mapping}");
            }
            var type = parts[^1].Trim().ToLowerInvariant();
            if (!CastTypes.TryParse(type, out var target))
            {
                throw Invalid(
                    spec,
                    $"Invalid type found in casting spec: {parts[^1].Trim()} (valid: {string.Join(", ", CastTypes.Names)})"
                );
            }
            casts.Add((parts.Length == 2 ? parts[0].Trim() : null, target));
        }
        if (casts.Any(c => c.Item1 is null) && casts.Count > 1)
        {
            throw Invalid(
                spec,
                "Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec"
            );
        }
        return casts;
    }

    private static ConfigException Invalid(IReadOnlyList<string> spec, string reason) =>
        new("spec", $"Invalid value [{string.Join(", ", spec)}] for configuration spec: {reason}");
}

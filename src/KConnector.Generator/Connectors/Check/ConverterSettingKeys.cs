using System;

namespace KConnector.Generator.Connectors;

/// <summary>
/// <c>key.converter.*</c> / <c>value.converter.*</c>: the converter's own settings, passed to it with
/// the prefix removed, as Kafka Connect's worker does (schema.registry.url, basic.auth.*,
/// auto.register.schemas, use.latest.version, *.subject.name.strategy, schemas.enable,
/// converter.encoding...). Any name is accepted, as converters and registry clients take more keys
/// than a list could hold; the boolean ones are checked at compile time.
/// </summary>
internal static class ConverterSettingKeys
{
    public const string KeyPrefix = "key.converter.";
    public const string ValuePrefix = "value.converter.";

    private static readonly string[] Booleans =
    {
        "schemas.enable",
        "auto.register.schemas",
        "use.latest.version",
    };

    /// <summary>The key to check a converter setting against, or null when <paramref name="name"/> is not one.</summary>
    public static ConfigKeyModel? Find(string name)
    {
        var prefix =
            name.StartsWith(KeyPrefix, StringComparison.Ordinal) ? KeyPrefix
            : name.StartsWith(ValuePrefix, StringComparison.Ordinal) ? ValuePrefix
            : null;
        if (prefix is null || name.Length == prefix.Length)
        {
            return null;
        }
        var setting = name.Substring(prefix.Length);
        return ConfigKeyNames.Key(
            name,
            Array.IndexOf(Booleans, setting) >= 0 ? ConfigKeyType.Boolean : ConfigKeyType.String,
            null,
            "Low",
            "A setting of the " + prefix.TrimEnd('.') + ".",
            "Converters"
        );
    }
}

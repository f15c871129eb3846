using System.Text;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// A converter's settings, read from Kafka Connect's and Confluent's converter config keys (the
/// worker passes <c>key.converter.*</c> / <c>value.converter.*</c> with the prefix removed, as Kafka
/// Connect does). A bad value throws an <see cref="ArgumentException"/> naming the key.
/// </summary>
public sealed class ConverterConfig
{
    /// <summary><c>schemas.enable</c> (JsonConverter): wrap in the schema/payload envelope, true by default.</summary>
    public const string SchemasEnableKey = "schemas.enable";

    /// <summary><c>converter.encoding</c> (StringConverter): the character set, UTF-8 by default.</summary>
    public const string EncodingKey = "converter.encoding";

    /// <summary><c>auto.register.schemas</c>: register the writer's schema, true by default.</summary>
    public const string AutoRegisterSchemasKey = "auto.register.schemas";

    /// <summary><c>use.latest.version</c>: write with the subject's latest schema id (when not auto-registering), false by default.</summary>
    public const string UseLatestVersionKey = "use.latest.version";

    /// <summary><c>key.subject.name.strategy</c>.</summary>
    public const string KeySubjectNameStrategyKey = "key.subject.name.strategy";

    /// <summary><c>value.subject.name.strategy</c>.</summary>
    public const string ValueSubjectNameStrategyKey = "value.subject.name.strategy";

    private ConverterConfig(IReadOnlyDictionary<string, string> values, bool isKey)
    {
        Values = values;
        IsKey = isKey;
    }

    /// <summary>The raw settings (also read by the Schema Registry client).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Whether the converter serves record keys (<c>-key</c> subjects) rather than values.</summary>
    public bool IsKey { get; }

    /// <summary><c>schemas.enable</c>.</summary>
    public bool SchemasEnable { get; private init; } = true;

    /// <summary><c>converter.encoding</c>.</summary>
    public Encoding Encoding { get; private init; } = StrictUtf8;

    /// <summary><c>auto.register.schemas</c>.</summary>
    public bool AutoRegisterSchemas { get; private init; } = true;

    /// <summary><c>use.latest.version</c>.</summary>
    public bool UseLatestVersion { get; private init; }

    /// <summary><c>key.subject.name.strategy</c> or <c>value.subject.name.strategy</c>, as <see cref="IsKey"/> says.</summary>
    public SubjectNameStrategy SubjectNameStrategy { get; private init; }

    internal static UTF8Encoding StrictUtf8 { get; } =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the settings; <paramref name="isKey"/> says which strategy key applies.</summary>
    public static ConverterConfig From(IReadOnlyDictionary<string, string> config, bool isKey)
    {
        ArgumentNullException.ThrowIfNull(config);
        var strategyKey = isKey ? KeySubjectNameStrategyKey : ValueSubjectNameStrategyKey;
        return new ConverterConfig(config, isKey)
        {
            SchemasEnable = Boolean(config, SchemasEnableKey, true),
            Encoding = config.TryGetValue(EncodingKey, out var name)
                ? ReadEncoding(name)
                : StrictUtf8,
            AutoRegisterSchemas = Boolean(config, AutoRegisterSchemasKey, true),
            UseLatestVersion = Boolean(config, UseLatestVersionKey, false),
            SubjectNameStrategy = config.TryGetValue(strategyKey, out var strategy)
                ? SubjectName.Parse(strategy, strategyKey)
                : SubjectNameStrategy.TopicNameStrategy,
        };
    }

    /// <summary>
    /// The settings <paramref name="definition"/> defines: what a converter reads. Another
    /// converter's (a JsonConverter's <c>schemas.enable=maybe</c> under a StringConverter) is
    /// ignored, as Kafka Connect's converters ignore it.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> OwnSettings(
        IReadOnlyDictionary<string, string> config,
        Configuration.ConfigDefinition definition
    ) =>
        config
            .Where(e => definition.Find(e.Key) is not null)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>Defaults for a key or value converter with a <c>mock://</c> registry of <paramref name="scope"/>.</summary>
    public static ConverterConfig ForMockRegistry(string scope, bool isKey) =>
        From(
            new Dictionary<string, string> { [SchemaRegistryConfig.UrlKey] = "mock://" + scope },
            isKey
        );

    private static bool Boolean(
        IReadOnlyDictionary<string, string> config,
        string key,
        bool defaultValue
    ) =>
        !config.TryGetValue(key, out var text) ? defaultValue
        : bool.TryParse(text.Trim(), out var value) ? value
        : throw new Configuration.ConfigValueException(
            key,
            $"'{key}' is '{text}'; expected true or false."
        );

    private static Encoding ReadEncoding(string name)
    {
        var trimmed = name.Trim();
        // Java's names: UTF-8 is strict in Kafka Connect (malformed input fails), so it is here too.
        if (
            trimmed.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("UTF8", StringComparison.OrdinalIgnoreCase)
        )
        {
            return StrictUtf8;
        }
        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException e)
        {
            throw new Configuration.ConfigValueException(
                EncodingKey,
                $"'{EncodingKey}' is '{name}', which is not a known character set (UTF-8, UTF-16, UTF-16BE, UTF-16LE, US-ASCII, ISO-8859-1, ...).",
                e
            );
        }
    }
}

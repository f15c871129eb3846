using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace KConnector.Configuration;

/// <summary>
/// The config keys of one connector, as Kafka Connect's <c>ConfigDef</c>: a description for a CLI
/// and a REST layer to serve, and the validation that turns raw string values into typed ones.
/// Validation reports every issue at once (as <c>Connector.validate</c> does), never only the first.
/// </summary>
public sealed partial class ConfigDefinition
{
    private readonly Dictionary<string, ConfigKey> _byName;

    /// <summary>Creates a definition of <paramref name="keys"/> for the connector class <paramref name="connectorClass"/>.</summary>
    public ConfigDefinition(string connectorClass, IEnumerable<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(connectorClass);
        ArgumentNullException.ThrowIfNull(keys);
        ConnectorClass = connectorClass;
        Keys = [.. keys];
        _byName = Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>The connector class these keys configure.</summary>
    public string ConnectorClass { get; }

    /// <summary>The keys, in declaration order.</summary>
    public IReadOnlyList<ConfigKey> Keys { get; }

    /// <summary>
    /// The connector's rules across keys (<c>insert.mode=upsert</c> needs <c>pk.mode</c>...), as Kafka
    /// Connect's <c>Connector.validate</c> checks them beyond the <c>ConfigDef</c>: the descriptor's
    /// <c>ValidateAcrossKeys</c>, which throws <see cref="ConfigValidationException"/> naming the key.
    /// Null when the connector has none. The generator sets it from the plugin's descriptor.
    /// </summary>
    public Action<IReadOnlyDictionary<string, string?>>? CrossKeyRules { get; init; }

    /// <summary>
    /// The connector's declaration of its exactly-once support for a config (Kafka Connect's
    /// <c>SourceConnector.exactlyOnceSupport</c>): the descriptor's <c>ExactlyOnceSupport</c> method,
    /// which the preflight check of <c>exactly.once.support=required</c> asks. Null when the
    /// connector declares none. The generator sets it from the plugin's descriptor.
    /// </summary>
    public Func<
        IReadOnlyDictionary<string, string?>,
        Distributed.ExactlyOnce.ExactlyOnceSupport?
    >? ExactlyOnceSupport { get; init; }

    /// <summary>
    /// Whether the connector can define its own transaction boundaries for a config (Kafka Connect's
    /// <c>SourceConnector.canDefineTransactionBoundaries</c>): the descriptor's
    /// <c>CanDefineTransactionBoundaries</c> method, which the preflight check of
    /// <c>transaction.boundary=connector</c> asks. Null when the connector declares none (unsupported).
    /// The generator sets it from the plugin's descriptor.
    /// </summary>
    public Func<
        IReadOnlyDictionary<string, string?>,
        Distributed.ExactlyOnce.ConnectorTransactionBoundaries
    >? CanDefineTransactionBoundaries { get; init; }

    /// <summary>
    /// Checks <paramref name="values"/> (resolved, as a task factory gets them) against
    /// <see cref="CrossKeyRules"/>, the very rules the connector's task factory applies when the
    /// worker makes a task, so that validating refuses what a start would refuse.
    /// </summary>
    /// <exception cref="ConfigValidationException">A rule is broken; each issue names its key.</exception>
    public void ValidateAcrossKeys(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CrossKeyRules?.Invoke(values);
    }

    /// <summary>The key named <paramref name="name"/>, or null.</summary>
    public ConfigKey? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Validates <paramref name="values"/> (after <c>${provider:path:key}</c> references are
    /// resolved by <paramref name="resolver"/>, when given) and returns the typed values with every
    /// issue found. Keys this definition does not know pass through untouched, as in Kafka Connect.
    /// </summary>
    public ParsedConfig Parse(
        IReadOnlyDictionary<string, string?> values,
        ConfigValueResolver? resolver = null
    )
    {
        ArgumentNullException.ThrowIfNull(values);
        var issues = new List<ConfigIssue>();
        var resolved = resolver is null ? values : resolver.Resolve(values, issues);
        var typed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            resolved.TryGetValue(key.Name, out var raw);
            // A blank value counts as not given, so the default applies and a required key is
            // reported: an empty entry in appsettings or a spec must not become an empty file
            // name, or a number 0 that no range check sees.
            var text = string.IsNullOrWhiteSpace(raw) ? key.DefaultValue : raw;
            if (text is null || (text.Length == 0 && key.Type != ConfigType.String))
            {
                if (key.Required && key.DefaultValue is null)
                {
                    issues.Add(new ConfigIssue(key.Name, "a value is required and none was given"));
                }
                typed[key.Name] = null;
                continue;
            }
            typed[key.Name] = Convert(key, text, issues);
        }
        CheckRequiredWhen(resolved, issues);
        return new ParsedConfig(this, typed, resolved, issues, values);
    }

    /// <summary>
    /// A key required because another has a given value (pk.fields when pk.mode=record_value) is
    /// missing: reported on the missing key, naming the one that requires it.
    /// </summary>
    private void CheckRequiredWhen(
        IReadOnlyDictionary<string, string?> values,
        List<ConfigIssue> issues
    )
    {
        foreach (var key in Keys)
        {
            if (
                key.RequiredWhenKey is not { } other
                || key.RequiredWhenValues is not { Count: > 0 } triggers
                || !string.IsNullOrWhiteSpace(values.GetValueOrDefault(key.Name))
                || !string.IsNullOrWhiteSpace(key.DefaultValue)
            )
            {
                continue;
            }
            var given =
                values.GetValueOrDefault(other) ?? _byName.GetValueOrDefault(other)?.DefaultValue;
            if (
                given is not null
                && triggers.Contains(given.Trim(), StringComparer.OrdinalIgnoreCase)
            )
            {
                issues.Add(
                    new ConfigIssue(
                        key.Name,
                        $"a value is required when {other} is '{given.Trim()}'"
                    )
                );
            }
        }
    }

    private static object? Convert(ConfigKey key, string text, List<ConfigIssue> issues)
    {
        // A secret's value must not reach the message: say what is wrong without quoting it.
        var shown = key.IsSecret ? "the value" : $"'{text}'";
        var (value, number, expected) = Typed(key.Type, text);
        if (value is null)
        {
            issues.Add(new ConfigIssue(key.Name, $"{shown} is not {expected}"));
            return null;
        }
        if (number is { } n && ((key.Min is { } min && n < min) || (key.Max is { } max && n > max)))
        {
            issues.Add(
                new ConfigIssue(
                    key.Name,
                    $"{shown} is out of range: expected a value in {key.ValidValues}"
                )
            );
        }
        CheckEachValue(key, value, text, issues);
        return value;
    }

    // ConfigDef.parseType: the value typed, as a number for the range check, or what it is not.
    private static (object? Value, double? Number, string? Expected) Typed(
        ConfigType type,
        string text
    ) =>
        type switch
        {
            ConfigType.Boolean => bool.TryParse(text.Trim(), out var b)
                ? (b, null, null)
                : (null, null, "a boolean (true or false)"),
            ConfigType.Int => Number<int>(text, NumberStyles.Integer, "a 32-bit integer"),
            ConfigType.Long => Number<long>(text, NumberStyles.Integer, "a 64-bit integer"),
            ConfigType.Double => Number<double>(text, NumberStyles.Float, "a number"),
            // ConfigDef.Type.LIST: comma-separated, items trimmed, empty items dropped.
            ConfigType.List => (
                (IReadOnlyList<string>)
                    [
                        .. text.Split(
                            ',',
                            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
                        ),
                    ],
                null,
                null
            ),
            // ConfigDef.parseType keeps a password as given: spaces may be part of a secret.
            ConfigType.Password => (new Password(text), null, null),
            // ConfigDef.parseType trims STRING values.
            _ => (text.Trim(), null, null),
        };

    private static (object? Value, double? Number, string? Expected) Number<T>(
        string text,
        NumberStyles styles,
        string expected
    )
        where T : struct, INumber<T> =>
        T.TryParse(text.Trim(), styles, CultureInfo.InvariantCulture, out var n)
            ? (n, double.CreateChecked(n), null)
            : (null, null, expected);

    // Each string of the value (a list's items) against the key's allowed values and pattern.
    private static void CheckEachValue(
        ConfigKey key,
        object value,
        string text,
        List<ConfigIssue> issues
    )
    {
        var strings = value switch
        {
            string s => [s],
            Password p => [p.Value],
            IReadOnlyList<string> list => list,
            _ => Array.Empty<string>(),
        };
        // A number's pattern applies to its text (the DLQ replication factor: -1 or at least 1).
        if (key.Pattern is not null && strings.Count == 0)
        {
            strings = [text.Trim()];
        }
        foreach (var s in strings)
        {
            if (
                key.OneOf is { Count: > 0 } oneOf
                && !oneOf.Contains(s, StringComparer.OrdinalIgnoreCase)
            )
            {
                var item = key.IsSecret ? "the value" : $"'{s}'";
                issues.Add(new ConfigIssue(key.Name, $"{item} is not one of {key.ValidValues}"));
            }
            if (
                key.Pattern is { } pattern
                && !Regex.IsMatch(
                    s,
                    "^(?:" + pattern + ")$",
                    RegexOptions.CultureInvariant,
                    TimeSpan.FromSeconds(1)
                )
            )
            {
                var item = key.IsSecret ? "the value" : $"'{s}'";
                issues.Add(
                    new ConfigIssue(key.Name, $"{item} does not match the pattern /{pattern}/")
                );
            }
        }
    }
}

using System;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// A key's default (the text of its <c>[ConfigKey]</c>) as a C# expression of the property's type:
/// how an options record's parameterless constructor starts from the definition's defaults.
/// </summary>
internal static class ConfigDefaultLiteral
{
    /// <summary>The expression, or null where the key has no usable default (then the property keeps its type's default).</summary>
    public static string? For(OptionsPropertyModel property)
    {
        var key = property.Key;
        if (key.Default is not { } text)
        {
            return key.Type == ConfigKeyType.List && property.Kind != OptionsPropertyKind.ByHand
                ? "global::System.Array.Empty<string>()"
                : null;
        }
        return property.Kind switch
        {
            OptionsPropertyKind.Generated or OptionsPropertyKind.Natural => Natural(
                key.Type,
                // An allowed value as the definition spells it, as the reading constructor gives it.
                key.OneOf.FirstOrDefault(v =>
                    string.Equals(v, text, StringComparison.OrdinalIgnoreCase)
                ) ?? text
            ),
            OptionsPropertyKind.Enum => EnumMember(property, text) is { } member
                ? property.TypeName + "." + member
                : null,
            OptionsPropertyKind.Milliseconds => double.TryParse(
                text,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out _
            )
                ? $"global::System.TimeSpan.FromMilliseconds({text})"
                : null,
            OptionsPropertyKind.Character => text.Length == 1
                ? EmitText.Literal(text) + "[0]"
                : null,
            _ => null,
        };
    }

    /// <summary>The enum member for a key's value: the same letters and digits, ignoring case (record_key: RecordKey, timestamp+incrementing: TimestampIncrementing).</summary>
    public static string? EnumMember(OptionsPropertyModel property, string value) =>
        property.EnumMembers.FirstOrDefault(m => Normalize(m) == Normalize(value));

    /// <summary>How a value and a member name are compared.</summary>
    public static string Normalize(string value) =>
        new string(value.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static string? Natural(ConfigKeyType type, string text) =>
        type switch
        {
            ConfigKeyType.Boolean => bool.TryParse(text.Trim(), out var b)
                ? (b ? "true" : "false")
                : null,
            ConfigKeyType.Int => int.TryParse(
                text,
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out _
            )
                ? text.Trim()
                : null,
            ConfigKeyType.Long => long.TryParse(
                text,
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out _
            )
                ? text.Trim() + "L"
                : null,
            ConfigKeyType.Double => double.TryParse(
                text,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out _
            )
                ? text.Trim() + "d"
                : null,
            ConfigKeyType.List => List(text),
            ConfigKeyType.Password =>
                $"new global::KConnector.Configuration.Password({EmitText.Literal(text)})",
            _ => EmitText.Literal(text),
        };

    private static string List(string text)
    {
        var items = text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(i => i.Trim())
            .Where(i => i.Length > 0)
            .ToArray();
        return items.Length == 0
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", items.Select(EmitText.Literal)) + " }";
    }
}

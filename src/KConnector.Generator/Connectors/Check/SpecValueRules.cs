using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Json;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Checks a spec value against its config key: its JSON type, its allowed values and its range.
/// Kafka Connect config values are strings, so "2" and 2 are both accepted for a number and "true"
/// and true for a boolean; a list may also be a JSON array of strings. A value holding a
/// <c>${provider:path:key}</c> reference is checked only at run time, once resolved.
/// </summary>
internal static class SpecValueRules
{
    public static SpecEntry Entry(JsonProperty property, string path, DiagnosticBag bag) =>
        new(
            property.Name,
            TextOf(property.Value),
            property.Value.Kind,
            ConnectorSpecParser.Describe(property.Value),
            bag.Locate(property.NameStart, property.NameEnd, path),
            bag.Locate(property.Value, path)
        );

    /// <summary>The value as text when it passes, or null after adding a diagnostic.</summary>
    public static string? Check(
        ConfigKeyModel key,
        SpecEntry entry,
        ICollection<DiagnosticInfo> diagnostics
    )
    {
        var text = entry.Text;
        if (text is not null && entry.Kind == JsonKind.String && text.Trim().Length == 0)
        {
            // A blank value counts as not given, as ConfigDefinition.Parse takes it at run time:
            // the default applies, and a required key is reported as missing.
            return text;
        }
        if (text is null || !TypeFits(entry, key.Type))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.SpecWrongType,
                    entry.ValueWhere,
                    key.Name,
                    Expected(key.Type),
                    entry.Description
                )
            );
            return null;
        }
        if (text.Contains("${"))
        {
            return text;
        }
        if (
            key.OneOf.Count > 0
            && !key.OneOf.Any(v =>
                string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.InvalidEnumValue,
                    entry.ValueWhere,
                    text,
                    key.Name,
                    string.Join(", ", key.OneOf),
                    EditDistance.Suggestion(text, key.OneOf)
                )
            );
            return null;
        }
        return
            InRange(key, entry, text, diagnostics) && MatchesPattern(key, entry, text, diagnostics)
            ? text
            : null;
    }

    /// <summary>A number within the key's Min and Max, as ConfigDefinition's range validator checks it.</summary>
    private static bool InRange(
        ConfigKeyModel key,
        SpecEntry entry,
        string text,
        ICollection<DiagnosticInfo> diagnostics
    )
    {
        if (
            key.Type is ConfigKeyType.Int or ConfigKeyType.Long or ConfigKeyType.Double
            && double.TryParse(
                text.Trim(),
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var n
            )
        )
        {
            var min = Parse(key.Min);
            var max = Parse(key.Max);
            if ((min is not null && n < min) || (max is not null && n > max))
            {
                var range =
                    min is not null && max is not null ? "between " + key.Min + " and " + key.Max
                    : min is not null ? "at least " + key.Min
                    : "at most " + key.Max;
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ValueOutOfRange,
                        entry.ValueWhere,
                        key.Name,
                        text,
                        range
                    )
                );
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The key's pattern must match the whole value (each item of a list), as
    /// ConfigDefinition.Parse checks it at run time.
    /// </summary>
    private static bool MatchesPattern(
        ConfigKeyModel key,
        SpecEntry entry,
        string text,
        ICollection<DiagnosticInfo> diagnostics
    )
    {
        if (key.Pattern is not { } pattern)
        {
            return true;
        }
        var items =
            key.Type == ConfigKeyType.List
                ? text.Split(',').Select(i => i.Trim()).Where(i => i.Length > 0)
                : new[] { key.Type == ConfigKeyType.Password ? text : text.Trim() };
        foreach (var item in items)
        {
            if (
                !Regex.IsMatch(
                    item,
                    "^(?:" + pattern + ")$",
                    RegexOptions.CultureInvariant,
                    TimeSpan.FromSeconds(1)
                )
            )
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ValueDoesNotMatchPattern,
                        entry.ValueWhere,
                        key.Name,
                        key.Type == ConfigKeyType.Password ? "the value" : item,
                        pattern
                    )
                );
                return false;
            }
        }
        return true;
    }

    private static double? Parse(string? number) =>
        number is not null
        && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;

    private static string? TextOf(JsonNode node) =>
        node.Kind switch
        {
            JsonKind.String => node.Text,
            JsonKind.Number => node.Text,
            JsonKind.True => "true",
            JsonKind.False => "false",
            JsonKind.Array when node.Items.All(i => i.Kind == JsonKind.String) => string.Join(
                ",",
                node.Items.Select(i => i.Text)
            ),
            _ => null,
        };

    private static bool TypeFits(SpecEntry entry, ConfigKeyType type)
    {
        var text = entry.Text!;
        if (entry.Kind == JsonKind.Array)
        {
            return type == ConfigKeyType.List;
        }
        if (text.Contains("${"))
        {
            return entry.Kind == JsonKind.String;
        }
        return type switch
        {
            ConfigKeyType.Int => entry.Kind is JsonKind.Number or JsonKind.String
                && int.TryParse(
                    text.Trim(),
                    NumberStyles.Integer,
                    CultureInfo.InvariantCulture,
                    out _
                ),
            ConfigKeyType.Long => entry.Kind is JsonKind.Number or JsonKind.String
                && long.TryParse(
                    text.Trim(),
                    NumberStyles.Integer,
                    CultureInfo.InvariantCulture,
                    out _
                ),
            ConfigKeyType.Double => entry.Kind is JsonKind.Number or JsonKind.String
                && double.TryParse(
                    text.Trim(),
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out _
                ),
            ConfigKeyType.Boolean => entry.Kind is JsonKind.True or JsonKind.False
                || text.Trim() is "true" or "false",
            _ => entry.Kind == JsonKind.String,
        };
    }

    private static string Expected(ConfigKeyType type) =>
        type switch
        {
            ConfigKeyType.Int => "a 32-bit integer (a number or a string such as \"2\")",
            ConfigKeyType.Long => "a 64-bit integer (a number or a string such as \"2\")",
            ConfigKeyType.Double => "a number",
            ConfigKeyType.Boolean => "true or false",
            ConfigKeyType.List => "a comma-separated string or an array of strings",
            _ => "a string",
        };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Reads one <c>[ConfigProperty]</c> of an attribute connector into a <see cref="ConfigKeyModel"/>,
/// checking each argument against the property (name, type, default, range, pattern, allowed values)
/// and reporting every misuse at the attribute. The key is null when any check failed.
/// </summary>
internal sealed class ConfigPropertyReader
{
    private readonly IPropertySymbol _property;
    private readonly SpecLocation _where;
    private readonly Dictionary<string, TypedConstant> _named;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly string _key;

    private ConfigPropertyReader(
        IPropertySymbol property,
        AttributeData config,
        SpecLocation where,
        List<DiagnosticInfo> diagnostics
    )
    {
        _property = property;
        _where = where;
        _diagnostics = diagnostics;
        _key =
            config.ConstructorArguments.Length > 0
                ? config.ConstructorArguments[0].Value as string ?? string.Empty
                : string.Empty;
        _named = config.NamedArguments.ToDictionary(
            a => a.Key,
            a => a.Value,
            StringComparer.Ordinal
        );
    }

    public static ConfigKeyModel? Read(
        IPropertySymbol property,
        AttributeData config,
        SpecLocation where,
        HashSet<string> names,
        ConnectorKind kind,
        EquatableArray<KnownKey> frameworkKeys,
        List<DiagnosticInfo> diagnostics
    ) =>
        new ConfigPropertyReader(property, config, where, diagnostics).Read(
            names,
            kind,
            frameworkKeys
        );

    private ConfigKeyModel? Read(
        HashSet<string> names,
        ConnectorKind kind,
        EquatableArray<KnownKey> frameworkKeys
    )
    {
        var count = _diagnostics.Count;
        CheckName(names, kind, frameworkKeys);
        var (type, nullable) = ReadType();
        if (type is not { } keyType)
        {
            return null;
        }
        CheckSettable(keyType);
        var required = Flag("Required");
        var defaultText = ReadDefault(keyType, required, nullable);
        var (min, max) = ReadRange(keyType, defaultText);
        var pattern = ReadPattern(keyType, defaultText);
        var oneOf = ReadOneOf(keyType, defaultText);
        if (_diagnostics.Count > count)
        {
            return null;
        }
        return new ConfigKeyModel(
            _key,
            _property.Name,
            keyType,
            defaultText,
            required,
            Importance(),
            Str("Doc") ?? string.Empty,
            min is null ? null : Num(min.Value),
            max is null ? null : Num(max.Value),
            pattern,
            oneOf.ToEquatableArray(),
            "Connector",
            _property.Name,
            nullable
        );
    }

    private string? Str(string name) =>
        _named.TryGetValue(name, out var c) ? c.Value as string : null;

    private bool Flag(string name) => _named.TryGetValue(name, out var c) && c.Value is true;

    private void Report(DiagnosticDescriptor descriptor, params string[] arguments) =>
        _diagnostics.Add(DiagnosticBag.Create(descriptor, _where, arguments));

    private void CheckName(
        HashSet<string> names,
        ConnectorKind kind,
        EquatableArray<KnownKey> frameworkKeys
    )
    {
        var problem =
            !ConnectorSpecParser.IsValidName(_key)
                ? "must contain a letter and use only letters, digits, '.', '-' and '_'"
            : frameworkKeys.Any(k => k.Key.Name == _key && (k.BuildTimeOnly || k.AppliesTo(kind)))
                ? "is a key every connector already has; choose another name"
            : !names.Add(_key) ? "is declared by more than one property"
            : null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.ConfigPropertyBadName, _key, problem);
        }
    }

    /// <summary>The key's type from the property's (a nullable one unwrapped), or null (reported) when no config type fits.</summary>
    private (ConfigKeyType? Type, bool Nullable) ReadType()
    {
        var propertyType = _property.Type;
        var nullable = propertyType.NullableAnnotation == NullableAnnotation.Annotated;
        if (
            propertyType is INamedTypeSymbol
            {
                OriginalDefinition.SpecialType: SpecialType.System_Nullable_T
            } n
        )
        {
            propertyType = n.TypeArguments[0];
            nullable = true;
        }
        ConfigKeyType? type = propertyType.SpecialType switch
        {
            SpecialType.System_String => Flag("Secret")
                ? ConfigKeyType.Password
                : ConfigKeyType.String,
            SpecialType.System_Boolean => ConfigKeyType.Boolean,
            SpecialType.System_Int32 => ConfigKeyType.Int,
            SpecialType.System_Int64 => ConfigKeyType.Long,
            SpecialType.System_Double => ConfigKeyType.Double,
            _ => propertyType.ToDisplayString()
                is "System.Collections.Generic.IReadOnlyList<string>"
                    or "System.Collections.Generic.IReadOnlyList<string?>"
                ? ConfigKeyType.List
                : null,
        };
        if (type is null)
        {
            Report(
                DiagnosticDescriptors.ConfigPropertyUnsupportedType,
                _property.Name,
                _property.Type.ToDisplayString()
            );
        }
        return (type, nullable);
    }

    private void CheckSettable(ConfigKeyType type)
    {
        if (
            _property.SetMethod is null
            || _property.SetMethod.DeclaredAccessibility
                is Accessibility.Private
                    or Accessibility.Protected
        )
        {
            Report(DiagnosticDescriptors.ConfigPropertyNotSettable, _property.Name);
        }
        if (Flag("Secret") && type != ConfigKeyType.Password)
        {
            Report(
                DiagnosticDescriptors.ConfigPropertyUnsupportedType,
                _property.Name + " (Secret)",
                _property.Type.ToDisplayString()
            );
        }
    }

    /// <summary>The default, as text in the runtime's ConfigDef form, checked against Required and nullability.</summary>
    private string? ReadDefault(ConfigKeyType type, bool required, bool nullable)
    {
        string? defaultText = null;
        if (_named.TryGetValue("Default", out var d) && !d.IsNull)
        {
            defaultText = DefaultText(d.Value, type);
            if (defaultText is null)
            {
                Report(
                    DiagnosticDescriptors.ConfigPropertyDefaultMismatch,
                    Display(d.Value),
                    _key,
                    TypeWord(type)
                );
            }
        }
        if (
            defaultText is null
            && !required
            && !nullable
            && type is ConfigKeyType.Boolean or ConfigKeyType.List
        )
        {
            // As ConfigDef users write: an unset flag is false and an unset list is empty.
            defaultText = type == ConfigKeyType.Boolean ? "false" : string.Empty;
        }
        if (required && defaultText is not null)
        {
            Report(
                DiagnosticDescriptors.ConfigPropertyBadName,
                _key,
                "is Required and has a Default; a key with a default is never missing, so drop one of them"
            );
        }
        if (!required && defaultText is null && !nullable)
        {
            // Not required, no default, not nullable: the property would be left at its CLR default silently.
            Report(
                DiagnosticDescriptors.ConfigPropertyBadName,
                _key,
                "has no Default, is not Required and its property is not nullable; give a Default, set Required = true or make the property nullable"
            );
        }
        return defaultText;
    }

    private (double? Min, double? Max) ReadRange(ConfigKeyType type, string? defaultText)
    {
        var min = Number("Min");
        var max = Number("Max");
        var numeric = type is ConfigKeyType.Int or ConfigKeyType.Long or ConfigKeyType.Double;
        string? problem = null;
        if ((min is not null || max is not null) && !numeric)
        {
            problem = "Min and Max apply to numbers, and the property is " + TypeWord(type);
        }
        else if (min is not null && max is not null && min > max)
        {
            problem = $"Min ({Num(min.Value)}) is greater than Max ({Num(max.Value)})";
        }
        else if (
            numeric
            && defaultText is not null
            && double.TryParse(
                defaultText,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var dv
            )
            && ((min is not null && dv < min) || (max is not null && dv > max))
        )
        {
            problem =
                $"the default {defaultText} is outside [{(min is null ? "..." : Num(min.Value))}, {(max is null ? "..." : Num(max.Value))}]";
        }
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.ConfigPropertyBadRange, _key, problem);
        }
        return (min, max);
    }

    private double? Number(string name) =>
        _named.TryGetValue(name, out var c) && c.Value is double value && !double.IsNaN(value)
            ? value
            : null;

    private string? ReadPattern(ConfigKeyType type, string? defaultText)
    {
        var pattern = Str("Pattern");
        if (pattern is null)
        {
            return null;
        }
        if (type is not (ConfigKeyType.String or ConfigKeyType.Password or ConfigKeyType.List))
        {
            Report(
                DiagnosticDescriptors.ConfigPropertyBadPattern,
                _key,
                "a Pattern applies to strings, and the property is " + TypeWord(type)
            );
            return pattern;
        }
        try
        {
            var regex = new Regex(
                "^(?:" + pattern + ")$",
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1)
            );
            if (
                defaultText is not null
                && type != ConfigKeyType.List
                && !regex.IsMatch(defaultText)
            )
            {
                Report(
                    DiagnosticDescriptors.ConfigPropertyDefaultMismatch,
                    Display(defaultText),
                    _key,
                    "value: it does not match the Pattern /" + pattern + "/"
                );
            }
        }
        catch (ArgumentException e)
        {
            Report(DiagnosticDescriptors.ConfigPropertyBadPattern, _key, e.Message);
        }
        return pattern;
    }

    private List<string> ReadOneOf(ConfigKeyType type, string? defaultText)
    {
        var oneOf = new List<string>();
        if (
            !_named.TryGetValue("OneOf", out var o)
            || o.Kind != TypedConstantKind.Array
            || o.IsNull
        )
        {
            return oneOf;
        }
        oneOf.AddRange(o.Values.Select(x => x.Value as string ?? string.Empty));
        var problem =
            type is not (ConfigKeyType.String or ConfigKeyType.List)
                ? "OneOf applies to strings, and the property is " + TypeWord(type)
            : oneOf.Count == 0 || oneOf.Any(s => s.Length == 0)
                ? "it needs at least one non-empty value"
            : defaultText is not null
            && type == ConfigKeyType.String
            && !oneOf.Any(s => string.Equals(s, defaultText, StringComparison.OrdinalIgnoreCase))
                ? $"the default \"{defaultText}\" is not one of {string.Join(", ", oneOf)}"
            : null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.ConfigPropertyBadOneOf, _key, problem);
        }
        return oneOf;
    }

    private string Importance() =>
        _named.TryGetValue("Importance", out var imp) && imp.Value is int i
            ? i switch
            {
                0 => "High",
                2 => "Low",
                _ => "Medium",
            }
            : "Medium";

    private static string? DefaultText(object? value, ConfigKeyType type) =>
        (type, value) switch
        {
            (ConfigKeyType.String or ConfigKeyType.Password or ConfigKeyType.List, string s) => s,
            (ConfigKeyType.Boolean, bool b) => b ? "true" : "false",
            (ConfigKeyType.Int, int n) => n.ToString(CultureInfo.InvariantCulture),
            (ConfigKeyType.Long, int n) => n.ToString(CultureInfo.InvariantCulture),
            (ConfigKeyType.Long, long n) => n.ToString(CultureInfo.InvariantCulture),
            (ConfigKeyType.Double, int n) => n.ToString(CultureInfo.InvariantCulture),
            (ConfigKeyType.Double, long n) => n.ToString(CultureInfo.InvariantCulture),
            (ConfigKeyType.Double, double n) => n.ToString("R", CultureInfo.InvariantCulture),
            (ConfigKeyType.Double, float n) => n.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        };

    private static string Display(object? value) =>
        value switch
        {
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "null",
        };

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string TypeWord(ConfigKeyType type) =>
        type switch
        {
            ConfigKeyType.Int => "int",
            ConfigKeyType.Long => "long",
            ConfigKeyType.Double => "double",
            ConfigKeyType.Boolean => "bool",
            ConfigKeyType.List => "list of strings",
            _ => "string",
        };
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Plugins;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// Reads a connector's options record marked <c>[TypedConfigKeys(typeof(Descriptor))]</c>: the
/// descriptor's <c>[ConfigKey]</c> attributes (read as the plugin catalog reads them) and, for each
/// key, the property the record declares for it by hand (named after the key or marked
/// <c>[ConfigKeyProperty]</c>), if any. The generator does not see its own output, so every
/// property found here is the record author's.
/// </summary>
internal static class TypedOptionsReader
{
    private const string PropertyAttributeName =
        "KConnector.Configuration.Framework.ConfigKeyPropertyAttribute";

    public static TypedOptionsModel? Read(
        GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken
    )
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (TypedKeysTarget.Of(context) is not { } target)
        {
            return null;
        }
        var declared = DeclaredProperties(target.Type, out var heldKeys);
        var properties = ConfigKeyAttributeReader
            .Read(target.KeySet)
            .Select(key =>
                heldKeys.Contains(key.Name)
                    ? new OptionsPropertyModel(
                        key,
                        OptionsPropertyKind.ByHand,
                        string.Empty,
                        EquatableArray<string>.Empty
                    )
                    : Classify(key, declared)
            )
            .ToEquatableArray();
        return new TypedOptionsModel(
            target.Namespace,
            target.Name,
            properties,
            target.Type.IsSealed
        );
    }

    /// <summary>
    /// The record's own properties by the key they type (a <c>[ConfigKeyProperty("key")]</c> mark,
    /// else the key spelt as a property name), and the keys of the key sets a property holds.
    /// </summary>
    private static Dictionary<string, IPropertySymbol> DeclaredProperties(
        INamedTypeSymbol type,
        out HashSet<string> heldKeys
    )
    {
        var byKey = new Dictionary<string, IPropertySymbol>(System.StringComparer.Ordinal);
        heldKeys = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            var marks = property
                .GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == PropertyAttributeName)
                .Select(a => a.ConstructorArguments.FirstOrDefault().Value)
                .ToList();
            if (marks.Count == 0)
            {
                byKey[PropertyKey(property.Name)] = property;
            }
            foreach (var mark in marks)
            {
                if (mark is string key)
                {
                    byKey[key] = property;
                }
                else if (mark is INamedTypeSymbol set)
                {
                    heldKeys.UnionWith(ConfigKeyAttributeReader.Read(set).Select(k => k.Name));
                }
            }
        }
        return byKey;
    }

    // A property named after a key is found by the key's property name: keep both in one spelling.
    private static string PropertyKey(string propertyName) => "\0" + propertyName;

    private static OptionsPropertyModel Classify(
        ConfigKeyModel key,
        Dictionary<string, IPropertySymbol> declared
    )
    {
        if (
            !declared.TryGetValue(key.Name, out var property)
            && !declared.TryGetValue(PropertyKey(key.PropertyName), out property)
        )
        {
            return new OptionsPropertyModel(
                key,
                OptionsPropertyKind.Generated,
                string.Empty,
                EquatableArray<string>.Empty
            );
        }
        var typed = key with { PropertyName = property.Name };
        var propertyType = property.Type;
        var typeName = propertyType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (IsKeysOwnType(key.Type, propertyType))
        {
            return new OptionsPropertyModel(
                typed,
                OptionsPropertyKind.Natural,
                typeName,
                EquatableArray<string>.Empty
            );
        }
        if (key.Type == ConfigKeyType.String && propertyType.TypeKind == TypeKind.Enum)
        {
            var members = propertyType
                .GetMembers()
                .OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue)
                .Select(f => f.Name)
                .ToEquatableArray();
            return new OptionsPropertyModel(typed, OptionsPropertyKind.Enum, typeName, members);
        }
        if (key.Type == ConfigKeyType.String && propertyType.SpecialType == SpecialType.System_Char)
        {
            return new OptionsPropertyModel(
                typed,
                OptionsPropertyKind.Character,
                typeName,
                EquatableArray<string>.Empty
            );
        }
        var milliseconds =
            key.Type is ConfigKeyType.Int or ConfigKeyType.Long
            && (key.Default is not null || key.Required)
            && propertyType.ToDisplayString() == "System.TimeSpan";
        return new OptionsPropertyModel(
            typed,
            milliseconds ? OptionsPropertyKind.Milliseconds : OptionsPropertyKind.ByHand,
            typeName,
            EquatableArray<string>.Empty
        );
    }

    private static bool IsKeysOwnType(ConfigKeyType keyType, ITypeSymbol type) =>
        keyType switch
        {
            ConfigKeyType.Boolean => type.SpecialType == SpecialType.System_Boolean,
            ConfigKeyType.Int => type.SpecialType == SpecialType.System_Int32,
            ConfigKeyType.Long => type.SpecialType == SpecialType.System_Int64,
            ConfigKeyType.Double => type.SpecialType == SpecialType.System_Double,
            ConfigKeyType.String => type.SpecialType == SpecialType.System_String,
            ConfigKeyType.Password => type.ToDisplayString().TrimEnd('?')
                == "KConnector.Configuration.Password",
            ConfigKeyType.List => type.ToDisplayString()
                == "System.Collections.Generic.IReadOnlyList<string>",
            _ => false,
        };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The transform of the attribute pipeline: reads a [SourceConnector]/[SinkConnector] class and its
/// [ConfigProperty] members into an <see cref="AttributeDraft"/> and checks everything the symbols
/// show (partial, method signatures, config property arguments). Never throws.
/// </summary>
internal static class AttributeConnectorReader
{
    public const string SourceAttribute = "KConnector.Connectors.SourceConnectorAttribute";
    public const string SinkAttribute = "KConnector.Connectors.SinkConnectorAttribute";
    private const string ConfigPropertyAttribute = "KConnector.Connectors.ConfigPropertyAttribute";
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat;

    public static AttributeDraft Read(
        GeneratorAttributeSyntaxContext context,
        ConnectorKind kind,
        CancellationToken cancellationToken
    )
    {
        var diagnostics = new List<DiagnosticInfo>();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var attributeLocation = Where(
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
                ?? context.TargetNode.GetLocation(),
            type.Name
        );
        try
        {
            return ReadChecked(
                context,
                kind,
                type,
                attribute,
                attributeLocation,
                diagnostics,
                cancellationToken
            );
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.GeneratorFailure,
                    attributeLocation,
                    e.GetType().Name + ": " + e.Message
                )
            );
            return Invalid(type, kind, attributeLocation, diagnostics);
        }
    }

    private static AttributeDraft ReadChecked(
        GeneratorAttributeSyntaxContext context,
        ConnectorKind kind,
        INamedTypeSymbol type,
        AttributeData attribute,
        SpecLocation attributeLocation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken
    )
    {
        var classLocation = Where(
            ((ClassDeclarationSyntax)context.TargetNode).Identifier.GetLocation(),
            type.Name
        );
        var valid = true;
        var isPartial = ((ClassDeclarationSyntax)context.TargetNode).Modifiers.Any(m =>
            m.IsKind(SyntaxKind.PartialKeyword)
        );
        if (!isPartial)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConnectorClassNotPartial,
                    classLocation,
                    type.Name
                )
            );
            valid = false;
        }
        string? shapeProblem =
            type.ContainingType is not null
                ? "is nested in another type; declare it at namespace level"
            : type.IsGenericType ? "is generic; a connector class needs fixed key and value types"
            : type.IsAbstract || type.IsStatic
                ? "is abstract or static; the worker must create an instance"
            : !type.InstanceConstructors.Any(c =>
                c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private
            )
                ? "needs an accessible parameterless constructor; the worker creates it and sets its [ConfigProperty] members"
            : null;
        if (shapeProblem is not null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConnectorTypeUnsupported,
                    classLocation,
                    type.Name,
                    shapeProblem
                )
            );
            valid = false;
        }

        var name =
            attribute.ConstructorArguments.Length > 0
                ? attribute.ConstructorArguments[0].Value as string ?? string.Empty
                : string.Empty;
        if (!ConnectorSpecParser.IsValidName(name))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.InvalidConnectorName,
                    attributeLocation,
                    name
                )
            );
            valid = false;
        }
        TypeReference? key = TypeReference.String(attributeLocation);
        TypeReference? value = TypeReference.String(attributeLocation);
        string? keyConverter = null;
        string? valueConverter = null;
        string? topics = null;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "KeyType":
                    key = ReadType(argument.Value, attributeLocation);
                    break;
                case "ValueType":
                    value = ReadType(argument.Value, attributeLocation);
                    break;
                case "KeyConverter":
                    keyConverter = argument.Value.Value as string;
                    break;
                case "ValueConverter":
                    valueConverter = argument.Value.Value as string;
                    break;
                case "Topics":
                    topics = argument.Value.Value as string;
                    break;
            }
        }

        // Method signatures are compared as fully qualified text, which also works for types this
        // generator makes from .avsc files (they are error types to the semantic model here).
        var k = key?.Written ?? "string";
        var v = value?.Written ?? "string";
        const string Ct = "global::System.Threading.CancellationToken";
        const string ValueTask = "global::System.Threading.Tasks.ValueTask";
        var methods = type.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic)
            .ToList();
        if (kind == ConnectorKind.Source)
        {
            var expected =
                $"{ValueTask}<global::System.Collections.Generic.IReadOnlyList<global::KConnector.Records.SourceRecord<{k}, {v}>>>";
            valid &= CheckMethod(
                methods,
                type,
                "PollAsync",
                expected,
                new[] { Ct },
                required: true,
                kind,
                diagnostics,
                classLocation
            );
        }
        else
        {
            var records =
                $"global::System.Collections.Generic.IReadOnlyList<global::KConnector.Records.SinkRecord<{k}, {v}>>";
            valid &= CheckMethod(
                methods,
                type,
                "PutAsync",
                ValueTask,
                new[] { records, Ct },
                required: true,
                kind,
                diagnostics,
                classLocation
            );
        }
        var hasFlush = kind == ConnectorKind.Sink && methods.Any(m => m.Name == "FlushAsync");
        if (hasFlush)
        {
            valid &= CheckMethod(
                methods,
                type,
                "FlushAsync",
                ValueTask,
                new[] { Ct },
                required: false,
                kind,
                diagnostics,
                classLocation
            );
        }
        var hasStart = methods.Any(m => m.Name == "StartAsync");
        if (hasStart)
        {
            valid &= CheckMethod(
                methods,
                type,
                "StartAsync",
                ValueTask,
                new[] { Ct },
                required: false,
                kind,
                diagnostics,
                classLocation
            );
        }
        var hasStop = methods.Any(m => m.Name == "StopAsync");
        if (hasStop)
        {
            valid &= CheckMethod(
                methods,
                type,
                "StopAsync",
                ValueTask,
                new[] { Ct },
                required: false,
                kind,
                diagnostics,
                classLocation
            );
        }

        var userKeys = new List<ConfigKeyModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        // Read only from the runtime's assembly, and only when the class has [ConfigProperty]s.
        EquatableArray<KnownKey>? frameworkKeys = null;
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var config = property
                .GetAttributes()
                .FirstOrDefault(a =>
                    a.AttributeClass?.ToDisplayString() == ConfigPropertyAttribute
                );
            if (config is null)
            {
                continue;
            }
            var where = Where(
                config.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
                    ?? property.Locations.FirstOrDefault()
                    ?? Location.None,
                type.Name + "." + property.Name
            );
            frameworkKeys ??= Plugins.PluginCatalogReader.ReadFrameworkKeys(
                context.SemanticModel.Compilation
            );
            var keyModel = ReadConfigProperty(
                property,
                config,
                where,
                names,
                kind,
                frameworkKeys.Value,
                diagnostics
            );
            if (keyModel is null)
            {
                valid = false;
            }
            else
            {
                userKeys.Add(keyModel);
            }
        }

        var disposable = type.AllInterfaces.Any(i => i.ToDisplayString() == "System.IDisposable");
        return new AttributeDraft(
            type.ContainingNamespace.IsGlobalNamespace
                ? string.Empty
                : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            kind,
            name,
            topics,
            key,
            value,
            keyConverter,
            valueConverter,
            attributeLocation,
            userKeys.ToEquatableArray(),
            hasStart,
            hasStop,
            hasFlush,
            disposable,
            valid,
            diagnostics.ToEquatableArray()
        );
    }

    private static AttributeDraft Invalid(
        INamedTypeSymbol type,
        ConnectorKind kind,
        SpecLocation where,
        List<DiagnosticInfo> diagnostics
    ) =>
        new(
            string.Empty,
            type.Name,
            "public",
            kind,
            string.Empty,
            null,
            null,
            null,
            null,
            null,
            where,
            EquatableArray<ConfigKeyModel>.Empty,
            false,
            false,
            false,
            false,
            false,
            diagnostics.ToEquatableArray()
        );

    private static TypeReference? ReadType(TypedConstant constant, SpecLocation where)
    {
        if (constant.Value is not ITypeSymbol symbol)
        {
            return null;
        }
        if (symbol.SpecialType == SpecialType.System_String)
        {
            return TypeReference.String(where);
        }
        var written = symbol.ToDisplayString(Format);
        if (symbol.TypeKind == TypeKind.Error)
        {
            return new TypeReference(written, null, TypeFormats.None, where);
        }
        if (
            symbol is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
        )
        {
            return new TypeReference("byte[]", "byte[]", TypeFormats.Bytes, where);
        }
        return new TypeReference(written, written, FormatsOf(symbol), where);
    }

    /// <summary>The ConverterFormats the type's interfaces allow (the constraints of their factory methods).</summary>
    private static TypeFormats FormatsOf(ITypeSymbol symbol)
    {
        var interfaces = symbol
            .AllInterfaces.Select(i => i.OriginalDefinition.ToDisplayString())
            .ToList();
        var formats = TypeFormats.None;
        if (
            interfaces.Contains("KConnector.Avro.IAvroRecord<TSelf>")
            && interfaces.Contains("KConnector.Json.IJsonRecord<TSelf>")
        )
        {
            formats |= TypeFormats.AvroRecord;
        }
        if (interfaces.Contains("KConnector.Json.IJsonSchemaRecord<TSelf>"))
        {
            formats |= TypeFormats.JsonSchemaRecord;
        }
        if (IsProtobufMessage(symbol))
        {
            formats |= TypeFormats.ProtobufMessage;
        }
        return formats;
    }

    /// <summary>
    /// A protoc-generated message: a class implementing Google.Protobuf's IMessage of itself with a
    /// public parameterless constructor (the constraints of ConverterFormats.ProtobufMessage).
    /// </summary>
    private static bool IsProtobufMessage(ITypeSymbol symbol) =>
        symbol is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named
        && named.InstanceConstructors.Any(c =>
            c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public
        )
        && named.AllInterfaces.Any(i =>
            i.OriginalDefinition.ToDisplayString() == "Google.Protobuf.IMessage<T>"
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], named)
        );

    private static bool CheckMethod(
        List<IMethodSymbol> methods,
        INamedTypeSymbol type,
        string name,
        string returnType,
        string[] parameters,
        bool required,
        ConnectorKind kind,
        List<DiagnosticInfo> diagnostics,
        SpecLocation classLocation
    )
    {
        var expected =
            $"public {returnType} {name}({string.Join(", ", parameters.Select((p, i) => p + " " + (i == parameters.Length - 1 ? "cancellationToken" : "records")))})".Replace(
                "global::",
                string.Empty
            );
        var candidates = methods.Where(m => m.Name == name).ToList();
        if (candidates.Count == 0)
        {
            if (required)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.TaskMethodMissing,
                        classLocation,
                        kind == ConnectorKind.Source ? "source" : "sink",
                        type.Name,
                        expected
                    )
                );
            }
            return !required;
        }
        foreach (var method in candidates)
        {
            var matches =
                method.ReturnType.ToDisplayString(Format) == returnType
                && method.Parameters.Length == parameters.Length
                && method
                    .Parameters.Select(p => p.Type.ToDisplayString(Format))
                    .SequenceEqual(parameters)
                && method.DeclaredAccessibility == Accessibility.Public
                && !method.IsGenericMethod;
            if (matches)
            {
                return true;
            }
        }
        var first = candidates[0];
        diagnostics.Add(
            DiagnosticBag.Create(
                DiagnosticDescriptors.TaskMethodWrongSignature,
                Where(first.Locations.FirstOrDefault() ?? Location.None, type.Name + "." + name),
                type.Name + "." + name,
                expected
            )
        );
        return false;
    }

    private static ConfigKeyModel? ReadConfigProperty(
        IPropertySymbol property,
        AttributeData config,
        SpecLocation where,
        HashSet<string> names,
        ConnectorKind kind,
        EquatableArray<KnownKey> frameworkKeys,
        List<DiagnosticInfo> diagnostics
    )
    {
        var count = diagnostics.Count;
        var key =
            config.ConstructorArguments.Length > 0
                ? config.ConstructorArguments[0].Value as string ?? string.Empty
                : string.Empty;
        var named = config.NamedArguments.ToDictionary(
            a => a.Key,
            a => a.Value,
            StringComparer.Ordinal
        );
        string? Str(string n) => named.TryGetValue(n, out var c) ? c.Value as string : null;
        bool Flag(string n) => named.TryGetValue(n, out var c) && c.Value is true;
        var secret = Flag("Secret");

        // The key itself.
        if (!ConnectorSpecParser.IsValidName(key))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadName,
                    where,
                    key,
                    "must contain a letter and use only letters, digits, '.', '-' and '_'"
                )
            );
        }
        else if (
            frameworkKeys.Any(k => k.Key.Name == key && (k.BuildTimeOnly || k.AppliesTo(kind)))
        )
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadName,
                    where,
                    key,
                    "is a key every connector already has; choose another name"
                )
            );
        }
        else if (!names.Add(key))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadName,
                    where,
                    key,
                    "is declared by more than one property"
                )
            );
        }

        // The type.
        var propertyType = property.Type;
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
            SpecialType.System_String => secret ? ConfigKeyType.Password : ConfigKeyType.String,
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
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyUnsupportedType,
                    where,
                    property.Name,
                    property.Type.ToDisplayString()
                )
            );
            return null;
        }
        if (
            property.SetMethod is null
            || property.SetMethod.DeclaredAccessibility
                is Accessibility.Private
                    or Accessibility.Protected
        )
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyNotSettable,
                    where,
                    property.Name
                )
            );
        }
        if (secret && type != ConfigKeyType.Password)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyUnsupportedType,
                    where,
                    property.Name + " (Secret)",
                    property.Type.ToDisplayString()
                )
            );
        }

        // The default, as text in the runtime's ConfigDef form.
        string? defaultText = null;
        if (named.TryGetValue("Default", out var d) && !d.IsNull)
        {
            defaultText = DefaultText(d.Value, type.Value);
            if (defaultText is null)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ConfigPropertyDefaultMismatch,
                        where,
                        Display(d.Value),
                        key,
                        TypeWord(type.Value)
                    )
                );
            }
        }
        var required = Flag("Required");
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
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadName,
                    where,
                    key,
                    "is Required and has a Default; a key with a default is never missing, so drop one of them"
                )
            );
        }
        if (!required && defaultText is null && !nullable)
        {
            // Not required, no default, not nullable: the property would be left at its CLR default silently.
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadName,
                    where,
                    key,
                    "has no Default, is not Required and its property is not nullable; give a Default, set Required = true or make the property nullable"
                )
            );
        }

        // Range.
        var min =
            named.TryGetValue("Min", out var mn)
            && mn.Value is double minValue
            && !double.IsNaN(minValue)
                ? (double?)minValue
                : null;
        var max =
            named.TryGetValue("Max", out var mx)
            && mx.Value is double maxValue
            && !double.IsNaN(maxValue)
                ? (double?)maxValue
                : null;
        var numeric = type is ConfigKeyType.Int or ConfigKeyType.Long or ConfigKeyType.Double;
        if ((min is not null || max is not null) && !numeric)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadRange,
                    where,
                    key,
                    "Min and Max apply to numbers, and the property is " + TypeWord(type.Value)
                )
            );
        }
        else if (min is not null && max is not null && min > max)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadRange,
                    where,
                    key,
                    $"Min ({Num(min.Value)}) is greater than Max ({Num(max.Value)})"
                )
            );
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
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ConfigPropertyBadRange,
                    where,
                    key,
                    $"the default {defaultText} is outside [{(min is null ? "..." : Num(min.Value))}, {(max is null ? "..." : Num(max.Value))}]"
                )
            );
        }

        // Pattern.
        var pattern = Str("Pattern");
        if (pattern is not null)
        {
            if (type is not (ConfigKeyType.String or ConfigKeyType.Password or ConfigKeyType.List))
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ConfigPropertyBadPattern,
                        where,
                        key,
                        "a Pattern applies to strings, and the property is " + TypeWord(type.Value)
                    )
                );
            }
            else
            {
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
                        diagnostics.Add(
                            DiagnosticBag.Create(
                                DiagnosticDescriptors.ConfigPropertyDefaultMismatch,
                                where,
                                Display(defaultText),
                                key,
                                "value: it does not match the Pattern /" + pattern + "/"
                            )
                        );
                    }
                }
                catch (ArgumentException e)
                {
                    diagnostics.Add(
                        DiagnosticBag.Create(
                            DiagnosticDescriptors.ConfigPropertyBadPattern,
                            where,
                            key,
                            e.Message
                        )
                    );
                }
            }
        }

        // OneOf.
        var oneOf = new List<string>();
        if (named.TryGetValue("OneOf", out var o) && o.Kind == TypedConstantKind.Array && !o.IsNull)
        {
            oneOf.AddRange(o.Values.Select(x => x.Value as string ?? string.Empty));
            if (type is not (ConfigKeyType.String or ConfigKeyType.List))
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ConfigPropertyBadOneOf,
                        where,
                        key,
                        "OneOf applies to strings, and the property is " + TypeWord(type.Value)
                    )
                );
            }
            else if (oneOf.Count == 0 || oneOf.Any(s => s.Length == 0))
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ConfigPropertyBadOneOf,
                        where,
                        key,
                        "it needs at least one non-empty value"
                    )
                );
            }
            else if (
                defaultText is not null
                && type == ConfigKeyType.String
                && !oneOf.Any(s =>
                    string.Equals(s, defaultText, StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.ConfigPropertyBadOneOf,
                        where,
                        key,
                        $"the default \"{defaultText}\" is not one of {string.Join(", ", oneOf)}"
                    )
                );
            }
        }

        if (diagnostics.Count > count)
        {
            return null;
        }
        var importance =
            named.TryGetValue("Importance", out var imp) && imp.Value is int i
                ? i switch
                {
                    0 => "High",
                    2 => "Low",
                    _ => "Medium",
                }
                : "Medium";
        return new ConfigKeyModel(
            key,
            property.Name,
            type.Value,
            defaultText,
            required,
            importance,
            Str("Doc") ?? string.Empty,
            min is null ? null : Num(min.Value),
            max is null ? null : Num(max.Value),
            pattern,
            oneOf.ToEquatableArray(),
            "Connector",
            property.Name,
            nullable
        );
    }

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

    private static SpecLocation Where(Location location, string memberPath)
    {
        var span = location.GetLineSpan();
        return new SpecLocation(
            new LocationInfo(
                location.SourceTree?.FilePath ?? span.Path ?? string.Empty,
                location.SourceSpan,
                span.Span
            ),
            memberPath
        );
    }
}

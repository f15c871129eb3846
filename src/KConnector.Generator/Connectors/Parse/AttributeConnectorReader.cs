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
    public const string ConfigPropertyAttribute = "KConnector.Connectors.ConfigPropertyAttribute";
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
        if (Analyzers.ConnectorClassShape.IsBothSourceAndSink(type))
        {
            // KCN0281 (the analyzer): neither kind is generated, and neither kind's checks apply.
            return Invalid(type, kind, attributeLocation, diagnostics);
        }
        var classLocation = Where(
            ((ClassDeclarationSyntax)context.TargetNode).Identifier.GetLocation(),
            type.Name
        );
        var valid = HasConnectorShape((ClassDeclarationSyntax)context.TargetNode, type);
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
        var arguments = AttributeArguments.Read(attribute, attributeLocation);
        var methods = type.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic)
            .ToList();
        valid &= CheckTaskMethods(methods, type, kind, arguments, diagnostics, classLocation);
        var hasFlush = kind == ConnectorKind.Sink && methods.Any(m => m.Name == "FlushAsync");
        var hasStart = methods.Any(m => m.Name == "StartAsync");
        var hasStop = methods.Any(m => m.Name == "StopAsync");
        var (userKeys, keysValid) = ReadConfigProperties(
            context,
            type,
            kind,
            diagnostics,
            cancellationToken
        );
        var disposable = type.AllInterfaces.Any(i => i.ToDisplayString() == "System.IDisposable");
        return new AttributeDraft(
            type.ContainingNamespace.IsGlobalNamespace
                ? string.Empty
                : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            kind,
            name,
            arguments.Topics,
            arguments.Key,
            arguments.Value,
            arguments.KeyConverter,
            arguments.ValueConverter,
            attributeLocation,
            userKeys.ToEquatableArray(),
            hasStart,
            hasStop,
            hasFlush,
            disposable,
            valid && keysValid,
            diagnostics.ToEquatableArray()
        );
    }

    /// <summary>
    /// Whether the class is one the generator can complete and the worker create; when not, the
    /// <see cref="Analyzers.AttributeUsageAnalyzer"/> says why (KCN0230, KCN0239) and the
    /// class is skipped here.
    /// </summary>
    private static bool HasConnectorShape(
        ClassDeclarationSyntax declaration,
        INamedTypeSymbol type
    ) =>
        Analyzers.ConnectorClassShape.IsPartial(declaration)
        && Analyzers.ConnectorClassShape.CreationProblem(type) is null;

    /// <summary>
    /// The task method of the kind (PollAsync or PutAsync) and the optional ones the class declares
    /// (FlushAsync, StartAsync, StopAsync), compared as fully qualified text, which also works for
    /// types this generator makes from .avsc files (they are error types to the semantic model here).
    /// </summary>
    private static bool CheckTaskMethods(
        List<IMethodSymbol> methods,
        INamedTypeSymbol type,
        ConnectorKind kind,
        AttributeArguments arguments,
        List<DiagnosticInfo> diagnostics,
        SpecLocation classLocation
    )
    {
        var k = arguments.Key?.Written ?? "string";
        var v = arguments.Value?.Written ?? "string";
        const string Ct = "global::System.Threading.CancellationToken";
        const string ValueTask = "global::System.Threading.Tasks.ValueTask";
        bool Check(string name, string returns, string[] parameters, bool required) =>
            CheckMethod(
                methods,
                type,
                name,
                returns,
                parameters,
                required,
                kind,
                diagnostics,
                classLocation
            );

        var valid =
            kind == ConnectorKind.Source
                ? Check(
                    "PollAsync",
                    $"{ValueTask}<global::System.Collections.Generic.IReadOnlyList<global::KConnector.Records.SourceRecord<{k}, {v}>>>",
                    new[] { Ct },
                    required: true
                )
                : Check(
                    "PutAsync",
                    ValueTask,
                    new[]
                    {
                        $"global::System.Collections.Generic.IReadOnlyList<global::KConnector.Records.SinkRecord<{k}, {v}>>",
                        Ct,
                    },
                    required: true
                );
        foreach (var optional in new[] { "FlushAsync", "StartAsync", "StopAsync" })
        {
            var applies = optional != "FlushAsync" || kind == ConnectorKind.Sink;
            if (applies && methods.Any(m => m.Name == optional))
            {
                valid &= Check(optional, ValueTask, new[] { Ct }, required: false);
            }
        }
        return valid;
    }

    /// <summary>The class's [ConfigProperty] members as keys, and whether none is misused (each misuse reported).</summary>
    private static (List<ConfigKeyModel> Keys, bool Valid) ReadConfigProperties(
        GeneratorAttributeSyntaxContext context,
        INamedTypeSymbol type,
        ConnectorKind kind,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken
    )
    {
        var userKeys = new List<ConfigKeyModel>();
        var valid = true;
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
            var keyModel = ConfigPropertyReader.Read(
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
        return (userKeys, valid);
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

    internal static TypeReference? ReadType(TypedConstant constant, SpecLocation where)
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

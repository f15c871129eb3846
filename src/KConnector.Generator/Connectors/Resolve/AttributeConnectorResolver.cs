using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Completes an <see cref="AttributeDraft"/>: matches key and value types generated in this project
/// with the schema index, picks and checks the converters, and builds the <see cref="ConnectorModel"/>.
/// </summary>
internal static class AttributeConnectorResolver
{
    public static ConnectorResult Resolve(
        AttributeDraft draft,
        EquatableArray<SchemaTypeEntry> schemas,
        Plugins.PluginCatalog catalog
    )
    {
        var diagnostics = new List<DiagnosticInfo>(draft.Diagnostics);
        var key = Complete(draft.Key, "key", draft.AttributeLocation, schemas, diagnostics);
        var value = Complete(draft.Value, "value", draft.AttributeLocation, schemas, diagnostics);
        var keyConverter = Converter(
            catalog,
            draft.KeyConverterName,
            key,
            "KeyConverter",
            draft.AttributeLocation,
            diagnostics
        );
        var valueConverter = Converter(
            catalog,
            draft.ValueConverterName,
            value,
            "ValueConverter",
            draft.AttributeLocation,
            diagnostics
        );
        if (
            !draft.Valid
            || key is null
            || value is null
            || keyConverter is null
            || valueConverter is null
            || diagnostics.Count > 0
        )
        {
            return new ConnectorResult(null, diagnostics.ToEquatableArray());
        }
        var model = Model(draft, catalog, key, value, keyConverter, valueConverter);
        return new ConnectorResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>The model of a class whose attribute, key, value and converters all resolved.</summary>
    private static ConnectorModel Model(
        AttributeDraft draft,
        Plugins.PluginCatalog catalog,
        TypeReference key,
        TypeReference value,
        Plugins.ConverterPluginModel keyConverter,
        Plugins.ConverterPluginModel valueConverter
    )
    {
        var className =
            draft.Namespace.Length == 0 ? draft.ClassName : draft.Namespace + "." + draft.ClassName;
        var globalName = "global::" + className;
        var keys = ConnectorKeys.For(
            catalog,
            draft.Kind,
            className,
            draft.ConnectorName,
            draft.Topics,
            key.Formats,
            value.Formats,
            keyConverter,
            valueConverter,
            draft.UserKeys
        );
        return new ConnectorModel(
            draft.Namespace,
            draft.ClassName,
            draft.Access,
            draft.Kind,
            draft.ConnectorName,
            className,
            key.FullName!,
            value.FullName!,
            keyConverter,
            valueConverter,
            key.Formats,
            value.Formats,
            keys,
            EquatableArray<SpecValue>.Empty,
            globalName,
            "new " + globalName + "()",
            UserClass: true,
            draft.HasStart,
            draft.HasStop,
            draft.HasFlush,
            draft.IsDisposable,
            EmitsTaskPart: true,
            draft.ClassName,
            draft.AttributeLocation.Location,
            KeyProtoText: key.ProtoText,
            ValueProtoText: value.ProtoText,
            FrameworkKeyCount: ConnectorKeys.FrameworkCount(catalog, draft.Kind)
        );
    }

    private static TypeReference? Complete(
        TypeReference? type,
        string side,
        SpecLocation where,
        EquatableArray<SchemaTypeEntry> schemas,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (type is null)
        {
            return null;
        }
        if (type.Formats == TypeFormats.ProtobufMessage)
        {
            return WithProtoText(type, side, where, schemas, diagnostics);
        }
        if (type.Formats != TypeFormats.None)
        {
            return type;
        }
        if (type.FullName is null)
        {
            // Generated in this project: match "Order" or "global::Shop.Order" with the schema index.
            var written = type.Written.Replace("global::", string.Empty);
            var match = schemas
                .Where(s =>
                    s.CSharpFullName is not null
                    // protoc's types are compiled before the generator runs: never unresolved here.
                    && s.Format != TypeFormats.ProtobufMessage
                    && (
                        s.CSharpFullName == written
                        || s.SimpleName == written
                        || s.CSharpFullName.EndsWith("." + written, StringComparison.Ordinal)
                    )
                )
                .GroupBy(s => s.CSharpFullName!)
                .ToList();
            if (match.Count == 1)
            {
                return type with
                {
                    FullName = "global::" + match[0].Key,
                    Formats = match[0].Aggregate(TypeFormats.None, (all, s) => all | s.Format),
                };
            }
        }
        diagnostics.Add(
            DiagnosticBag.Create(
                DiagnosticDescriptors.ConnectorKeyValueTypeUnknown,
                where,
                side,
                type.Written.Replace("global::", string.Empty)
            )
        );
        return null;
    }

    /// <summary>
    /// A protoc-generated message: the ProtobufConverter registers the text of the .proto file that
    /// declares it, found among the project's .proto files by its C# name (csharp_namespace, or the
    /// package in PascalCase, and the message name).
    /// </summary>
    private static TypeReference? WithProtoText(
        TypeReference type,
        string side,
        SpecLocation where,
        EquatableArray<SchemaTypeEntry> schemas,
        List<DiagnosticInfo> diagnostics
    )
    {
        var name = type.FullName!.Replace("global::", string.Empty);
        var file = schemas.FirstOrDefault(s => s.ProtoMessages.Contains(name));
        if (file is null)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.ProtobufMessageProtoNotFound,
                    where,
                    side,
                    name
                )
            );
            return null;
        }
        if (file.ProtoProblem is { } problem)
        {
            diagnostics.Add(problem);
            return null;
        }
        return type with { ProtoText = file.ProtoText };
    }

    private static Plugins.ConverterPluginModel? Converter(
        Plugins.PluginCatalog catalog,
        string? name,
        TypeReference? type,
        string argument,
        SpecLocation where,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (type is null)
        {
            return null;
        }
        if (name is null)
        {
            return ConverterCatalog.DefaultFor(catalog, type.Formats);
        }
        if (ConverterCatalog.Find(catalog, name) is not { } kind)
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.UnknownConverter,
                    where,
                    name,
                    EditDistance.Suggestion(name, ConverterCatalog.AllNames(catalog))
                )
            );
            return null;
        }
        var problem = ConverterCompatibility.Check(
            catalog,
            kind,
            type.Formats,
            type.Written,
            argument.StartsWith("Key", StringComparison.Ordinal) ? "key" : "value",
            " (" + argument + ")",
            argument.Replace("Converter", "Type"),
            where
        );
        if (problem is not null)
        {
            diagnostics.Add(problem);
            return null;
        }
        return kind;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A spec whose <c>connector.class</c> names a [SourceConnector]/[SinkConnector] class of the
/// project, as Kafka Connect's connector.class names any plugin class: the spec configures one
/// instance of that connector (its own name, topics, values) and gets its own Config, Worker and
/// registration, sharing the class's code.
/// </summary>
internal static class UserClassSpecResolver
{
    public static ConnectorResult Resolve(
        ParsedSpec spec,
        EquatableArray<SchemaTypeEntry> schemas,
        Plugins.PluginCatalog catalog,
        EquatableArray<AttributeDraft> classes
    )
    {
        var diagnostics = new List<DiagnosticInfo>(spec.Diagnostics);
        var draft = FindClass(spec, catalog, classes, diagnostics);
        // Without a class, or with the spec's name invalid (already reported), nothing can be
        // generated. The class's own problems are reported by the class pipeline; here only the spec's.
        var model =
            draft is null || spec.ConnectorName.Length == 0
                ? null
                : AttributeConnectorResolver.Resolve(draft, schemas, catalog).Model;
        if (model is null)
        {
            return new ConnectorResult(null, diagnostics.ToEquatableArray());
        }
        ReportSchemaKeys(spec, model, diagnostics);
        Transforms.TransformChainFold.Fold(
            spec.Transforms,
            Transforms.TransformInputSchema.Of(schemas, model.KeyType),
            Transforms.TransformInputSchema.Of(schemas, model.ValueType),
            model.Kind == ConnectorKind.Source,
            diagnostics
        );
        var chain = Transforms.CompiledChainPlanner.PlanForUserClass(
            spec,
            schemas,
            model,
            diagnostics
        );
        // A key the chain computes: key.converter writes the chain's output (checked against it).
        var keyConverter = chain?.KeyChain is null
            ? Converter(
                catalog,
                spec.KeyConverter,
                model.KeyConverter,
                model.KeyFormats,
                model.KeyType,
                "key",
                diagnostics
            )
            : spec.KeyConverter?.Converter ?? model.KeyConverter;
        chain = Transforms.KeyChainPlan.WithKeyConverter(
            chain,
            spec,
            keyConverter,
            model.KeyFormats,
            catalog,
            diagnostics
        );
        // value.converter writes the primitive the chain makes the value, where it does.
        var primitive = chain is { MakesPrimitiveValue: true } made ? made : null;
        var valueConverter = Converter(
            catalog,
            spec.ValueConverter,
            model.ValueConverter,
            primitive?.OutputFormats ?? model.ValueFormats,
            primitive?.OutputType ?? model.ValueType,
            "value",
            diagnostics
        );
        if (primitive is not null)
        {
            chain = chain! with { TaskTypeWritable = valueConverter.CanCarry(model.ValueFormats) };
        }
        ConverterSettingChecker.Check(
            spec.ConverterSettings,
            keyConverter,
            valueConverter,
            diagnostics,
            ConverterCatalog.Converters(catalog)
        );
        var values = ReadDeferred(spec, model, catalog, diagnostics);
        if (diagnostics.Count > 0)
        {
            return new ConnectorResult(null, diagnostics.ToEquatableArray());
        }
        var configured = model with
        {
            Namespace = spec.Namespace,
            TypeName = ConfigKeyNames.PropertyNameOf(spec.ConnectorName),
            Access = spec.Access,
            ConnectorName = spec.ConnectorName,
            KeyConverter = keyConverter,
            KeyFormats = chain?.KeyChain is { } keyChain
                ? model.KeyFormats | keyChain.OutputFormats
                : model.KeyFormats,
            ValueConverter = valueConverter,
            ValueFormats = model.ValueFormats | (primitive?.OutputFormats ?? TypeFormats.None),
            Keys = WithConverterDefaults(model.Keys, keyConverter, valueConverter),
            SpecValues = values.ToEquatableArray(),
            EmitsTaskPart = false,
            SourceDescription = System.IO.Path.GetFileName(spec.Path),
            Location = spec.NameLocation.Location,
            ValueChain = chain,
        };
        return new ConnectorResult(configured, diagnostics.ToEquatableArray());
    }

    /// <summary>The project's class the spec names (full name, or a simple name only one class has), or null with KCN and a did-you-mean.</summary>
    private static AttributeDraft? FindClass(
        ParsedSpec spec,
        Plugins.PluginCatalog catalog,
        EquatableArray<AttributeDraft> classes,
        List<DiagnosticInfo> diagnostics
    )
    {
        var written = spec.UserClass!;
        var draft =
            classes.FirstOrDefault(c => FullName(c) == written)
            ?? (
                classes.Count(c => c.ClassName == written) == 1
                    ? classes.First(c => c.ClassName == written)
                    : null
            );
        if (draft is not null)
        {
            return draft;
        }
        var candidates = catalog.AllNames.Concat(classes.Select(FullName)).ToList();
        // Every connector the project references by its Kafka Connect name (issue 20, item 11:
        // the first 12 names, aliases included, left out HTTP, Elasticsearch and the JDBC and
        // HTTP sources), then the project's own classes; the did-you-mean weighs every name.
        var known = catalog
            .Plugins.Select(c => c.Aliases.FirstOrDefault() ?? c.ClassName)
            .Concat(classes.Select(FullName).Take(12));
        diagnostics.Add(
            DiagnosticBag.Create(
                DiagnosticDescriptors.UnknownConnectorClass,
                spec.ClassLocation,
                written,
                string.Join(", ", known),
                EditDistance.Suggestion(
                    written,
                    candidates.Concat(classes.Select(c => c.ClassName))
                )
            )
        );
        return null;
    }

    /// <summary>key.schema/value.schema do not apply: the class's attribute fixes its types.</summary>
    private static void ReportSchemaKeys(
        ParsedSpec spec,
        ConnectorModel model,
        List<DiagnosticInfo> diagnostics
    )
    {
        foreach (var schema in new[] { spec.KeySchema, spec.ValueSchema })
        {
            if (schema is not null)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        DiagnosticDescriptors.SpecUnknownKey,
                        schema.Where,
                        schema.Where.JsonPath.Contains("key.")
                            ? ConfigKeyNames.KeySchema
                            : ConfigKeyNames.ValueSchema,
                        "the connector "
                            + model.ConnectorClass
                            + " (its key and value types come from its attribute)",
                        string.Empty
                    )
                );
            }
        }
    }

    /// <summary>
    /// The spec's entries the parser could not check without the class (its own keys, and the sink
    /// keys once the kind is known), then the topics rule of a sink; returns every value the worker receives.
    /// </summary>
    private static List<SpecValue> ReadDeferred(
        ParsedSpec spec,
        ConnectorModel model,
        Plugins.PluginCatalog catalog,
        List<DiagnosticInfo> diagnostics
    )
    {
        var values = new List<SpecValue>(spec.Values);
        SpecEntry? topics = null;
        SpecEntry? regex = null;
        foreach (var entry in spec.Deferred)
        {
            var key = model.Keys.FirstOrDefault(k => k.Name == entry.Key);
            if (key is null)
            {
                diagnostics.Add(NotAKeyOf(entry, model, catalog));
                continue;
            }
            var text = SpecValueRules.Check(key, entry, diagnostics);
            if (text is null)
            {
                continue;
            }
            values.Add(new SpecValue(entry.Key, text));
            topics = entry.Key == ConfigKeyNames.Topics ? entry : topics;
            regex = entry.Key == ConfigKeyNames.TopicsRegex ? entry : regex;
        }
        if (model.Kind == ConnectorKind.Sink)
        {
            var defaultTopics = model.Keys.Any(k =>
                k.Name == ConfigKeyNames.Topics && !string.IsNullOrEmpty(k.Default)
            );
            if (
                ConnectorSpecParser.TopicsConflict(
                    topics,
                    regex,
                    spec.ClassLocation,
                    defaultTopics
                ) is
                { } conflict
            )
            {
                diagnostics.Add(conflict);
            }
        }
        return values;
    }

    /// <summary>A framework key of the other kind (topics for a source), or a key the class does not have.</summary>
    private static DiagnosticInfo NotAKeyOf(
        SpecEntry entry,
        ConnectorModel model,
        Plugins.PluginCatalog catalog
    ) =>
        catalog.FrameworkKey(entry.Key) is not null
            ? DiagnosticBag.Create(
                DiagnosticDescriptors.KeyNotForKind,
                entry.KeyWhere,
                entry.Key,
                "sink",
                model.ConnectorClass,
                "source"
            )
            : DiagnosticBag.Create(
                DiagnosticDescriptors.SpecUnknownKey,
                entry.KeyWhere,
                entry.Key,
                "the connector " + model.ConnectorClass,
                EditDistance.Suggestion(entry.Key, model.Keys.Select(k => k.Name))
            );

    private static string FullName(AttributeDraft draft) =>
        draft.Namespace.Length == 0 ? draft.ClassName : draft.Namespace + "." + draft.ClassName;

    /// <summary>The converter the spec names, if the class's type allows it, else the class's own.</summary>
    private static Plugins.ConverterPluginModel Converter(
        Plugins.PluginCatalog catalog,
        ConverterChoice? chosen,
        Plugins.ConverterPluginModel compiled,
        TypeFormats formats,
        string type,
        string side,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (chosen is not { Where: { } where, Converter: { } named })
        {
            return compiled;
        }
        var problem = ConverterCompatibility.Check(
            catalog,
            named,
            formats,
            type,
            side,
            string.Empty,
            "the connector class's attribute (" + (side == "key" ? "KeyType" : "ValueType") + ")",
            where
        );
        if (problem is not null)
        {
            diagnostics.Add(problem);
            return compiled;
        }
        return named;
    }

    /// <summary>The connector's keys with key.converter and value.converter defaulting to the converters the spec resolved.</summary>
    private static EquatableArray<ConfigKeyModel> WithConverterDefaults(
        EquatableArray<ConfigKeyModel> keys,
        Plugins.ConverterPluginModel keyConverter,
        Plugins.ConverterPluginModel valueConverter
    ) =>
        keys.Select(k =>
                k.Name == ConfigKeyNames.KeyConverter ? k with { Default = keyConverter.ClassName }
                : k.Name == ConfigKeyNames.ValueConverter
                    ? k with
                    {
                        Default = valueConverter.ClassName,
                    }
                : k
            )
            .ToEquatableArray();
}

using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Transforms;

/// <summary>
/// Decides whether a spec's field-level transformations compile (docs/transforms.md, "Compiled at
/// build time") and plans the code: they do on the value of a connector whose
/// <c>value.schema</c> is an .avsc record of primitive fields. They then run in the value converter:
/// on a source after the rest of the chain, on a sink before it, so the build refuses (KCN0258) an
/// order that would change what they see (on a source: a router or a user transformation after an
/// InsertField that reads the topic, a user transformation after any of them; on a sink see
/// <see cref="SinkChainOrder"/>). Elsewhere the field-level transformations still need schemaless
/// records (KCN0250).
/// </summary>
internal static class CompiledChainPlanner
{
    private const string BuiltIn = "KConnector.Transforms.";

    private static readonly HashSet<string> FieldLevel = new()
    {
        "InsertField",
        "ReplaceField",
        "MaskField",
        "HoistField",
        "ExtractField",
        "Flatten",
        "Cast",
        "TimestampConverter",
        "SetSchemaMetadata",
        "HeaderFrom",
    };

    /// <summary>Whether the spec has a field-level value transformation (a <c>$Value</c> variant the build may compile).</summary>
    public static bool HasValueStages(ParsedSpec spec) =>
        spec.Transforms.Any(s => KindOf(s.ClassName) is { Kind: not null, IsKey: false });

    /// <summary>Whether a transformation plugin is one the build may compile (a built-in field-level one).</summary>
    public static bool MayCompile(string className) => KindOf(className).Kind is not null;

    /// <summary>
    /// The compiled value chain of a spec, or null when it has no field-level transformation or
    /// they cannot compile (reported: KCN0250 or KCN0258).
    /// </summary>
    public static CompiledChain? Plan(
        ParsedSpec spec,
        SchemaTypeEntry? value,
        string valueType,
        bool isSource,
        List<DiagnosticInfo> diagnostics,
        SchemaTypeEntry? key = null,
        string keyType = "",
        Plugins.PluginModel? connector = null
    )
    {
        var fieldSteps = spec.Transforms.Where(s => KindOf(s.ClassName).Kind is not null).ToList();
        if (fieldSteps.Count == 0)
        {
            return null;
        }
        var topics = new BuildTimeTopics(spec, isSource);
        var refusal = Refusal(fieldSteps, value, topics);
        if (refusal is not null)
        {
            foreach (var step in fieldSteps)
            {
                diagnostics.Add(
                    DiagnosticBag.Create(
                        refusal.Value.Descriptor,
                        step.TypeWhere,
                        step.TypeName,
                        refusal.Value.Reason
                    )
                );
            }
            return null;
        }
        if (diagnostics.Count > spec.Diagnostics.Count)
        {
            // The spec or the fold reported a problem (a stage that cannot apply): nothing to compile.
            return null;
        }
        // A chain of $Key stages on the task's own key needs no value record (KeyChainCompiler).
        var stages =
            value?.Schema is { IsStruct: true } schema && value.Shape is not null
                ? new CompiledStages(RecordSlots.Read(value, "value"), schema.Name!)
                : new CompiledStages(new List<CompiledSlot>(), string.Empty);
        var keys = OwnKey.Compiler(key, keyType);
        if (!Compile(spec.Transforms, stages, keys, topics, isSource, diagnostics))
        {
            return null;
        }
        if (!isSource && stages.Primitive is not null && connector?.PrimitiveCreation is null)
        {
            var extract = fieldSteps.Last(s => KindOf(s.ClassName) is ("ExtractField", false));
            Report(
                diagnostics,
                extract,
                extract.Setting("field")?.Where ?? extract.TypeWhere,
                "on a sink, the value the chain makes a primitive, and the task of "
                    + (connector?.ClassName ?? "the connector")
                    + " takes a record (it maps or writes fields, as Kafka Connect's JDBC sink requires a struct); the file sink (FileStreamSink) takes a primitive value"
            );
            return null;
        }
        stages.NameUnnamedRecords();
        var outputNamespace =
            (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".")
            + ConfigKeyNames.PropertyNameOf(spec.ConnectorName)
            + "Output";
        var primitive = stages.Primitive;
        var outputSchema = primitive is null
            ? OutputAvroSchema.Write(stages.RecordName, stages.Slots)
            : OutputAvroSchema.Primitive(primitive);
        var schemaPath = System.IO.Path.GetFileName(spec.Path) + " (the transformed value)";
        var chain = new CompiledChain(
            ConfigKeyNames.PropertyNameOf(spec.ConnectorName) + "ValueChain",
            spec.Namespace,
            spec.Access,
            valueType,
            outputNamespace,
            primitive is null ? OutputAvroSchema.TypeName(stages.RecordName) : string.Empty,
            outputSchema,
            schemaPath,
            (primitive is null ? stages.Slots : new List<CompiledSlot> { primitive })
                .Select(CompiledField.Of)
                .ToEquatableArray(),
            fieldSteps.Select(s => s.Alias).ToEquatableArray(),
            spec.Values.Where(v =>
                    v.Key == "transforms"
                    || fieldSteps.Any(s =>
                        v.Key.StartsWith("transforms." + s.Alias + ".", StringComparison.Ordinal)
                        // A compiled stage's predicate is compiled with it.
                        || (
                            s.Setting("predicate") is { } predicate
                            && v.Key.StartsWith(
                                "predicates." + predicate.Text.Trim() + ".",
                                StringComparison.Ordinal
                            )
                        )
                    )
                    // The topics a predicate was decided on at build time are compiled with it.
                    || (v.Key == topics.Key && fieldSteps.Any(DecidedAtBuild))
                )
                .ToEquatableArray(),
            IsSink: !isSource
        ) with
        {
            HasValueStages = fieldSteps.Any(s => !KindOf(s.ClassName).IsKey),
            Headers = stages.Headers.ToEquatableArray(),
            ReadsMetadata = stages.ReadsMetadata,
            PrimitiveOutputType = primitive?.OutputType,
        };
        var withKey = keys.Started
            ? KeyChainPlan.With(chain, spec, keys, valueType, keyType, diagnostics)
            : chain;
        return isSource || withKey is not { HasValueStages: true, PrimitiveOutputType: null }
            ? withKey
            : WithOutputShape(withKey, diagnostics);
    }

    // A sink's task takes the output record: a connector that maps records reads it through the
    // accessor of its shape, as it would read an .avsc record's.
    internal static CompiledChain? WithOutputShape(
        CompiledChain chain,
        List<DiagnosticInfo> diagnostics
    )
    {
        var (record, problems) = OutputRecordType.Resolve(
            chain.SchemaPath,
            chain.OutputSchemaJson,
            chain.OutputNamespace,
            chain.Access
        );
        diagnostics.AddRange(problems);
        return record is null
            ? null
            : chain with
            {
                OutputShape = RecordShapeReader.Read(record.Definition),
            };
    }

    /// <summary>
    /// The compiled value chain of the spec of an attribute connector (a [SourceConnector] class of
    /// the project), planned as a built-in source's on the class's value type. A [SinkConnector]
    /// class's <c>PutAsync</c> takes the class's own value type, which the chain's output is not, so
    /// its field-level transformations are refused (KCN0250).
    /// </summary>
    public static CompiledChain? PlanForUserClass(
        ParsedSpec spec,
        EquatableArray<SchemaTypeEntry> schemas,
        ConnectorModel model,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (model.Kind == ConnectorKind.Source)
        {
            var value = schemas.FirstOrDefault(s =>
                s.CSharpFullName is { } name && "global::" + name == model.ValueType
            );
            var key = schemas.FirstOrDefault(s =>
                s.CSharpFullName is { } name && "global::" + name == model.KeyType
            );
            return Plan(
                spec,
                value,
                model.ValueType,
                isSource: true,
                diagnostics,
                key,
                model.KeyType
            );
        }
        foreach (var step in spec.Transforms.Where(s => KindOf(s.ClassName).Kind is not null))
        {
            diagnostics.Add(
                DiagnosticBag.Create(
                    DiagnosticDescriptors.TransformNeedsSchemalessRecords,
                    step.TypeWhere,
                    step.TypeName,
                    "the [SinkConnector] class's PutAsync takes its own value type ("
                        + model.ValueType.Replace("global::", string.Empty)
                        + "), which the chain's output record is not"
                )
            );
        }
        return null;
    }

    // Why no field-level transformation of this spec compiles, or null when they may.
    private static (Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor, string Reason)? Refusal(
        List<TransformStep> steps,
        SchemaTypeEntry? value,
        BuildTimeTopics topics
    )
    {
        var schemaless = DiagnosticDescriptors.TransformNeedsSchemalessRecords;
        var notCompiled = DiagnosticDescriptors.TransformNotCompiled;
        // $Key stages on the task's own key need no value record (KeyChainCompiler says when the key is not known).
        if (steps.All(s => KindOf(s.ClassName) is { IsKey: true, Kind: not "ValueToKey" }))
        {
            return Conditional(steps, topics);
        }
        if (value is null)
        {
            // Connect's field transforms on a String or bytes value: "Only Map objects supported in absence of schema".
            return (
                schemaless,
                "the value is no .avsc record (without a schema file it is a string or bytes under the StringConverter or ByteArrayConverter, on which Kafka Connect's field-level transformations fail: \"Only Map objects supported in absence of schema\"); the build compiles them for a value.schema that is an .avsc record"
            );
        }
        if (value.Schema is not { IsStruct: true } schema || value.Shape is null)
        {
            return (
                schemaless,
                "the build compiles them for a value.schema that is an .avsc record only"
            );
        }
        if (RecordSlots.Uncarried(schema) is { } uncarried)
        {
            return (notCompiled, "the value's " + uncarried.Substring(4));
        }
        return Conditional(steps, topics);
    }

    private static (
        Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor,
        string Reason
    )? Conditional(List<TransformStep> steps, BuildTimeTopics topics)
    {
        foreach (var step in steps.Where(s => s.Conditional))
        {
            var (kind, isKey) = KindOf(step.ClassName);
            if (CompiledPredicate.Refusal(step, kind!, isKey, topics) is { } reason)
            {
                return (DiagnosticDescriptors.TransformNotCompiled, reason);
            }
        }
        return null;
    }

    private static bool Compile(
        EquatableArray<TransformStep> steps,
        CompiledStages stages,
        KeyChainCompiler keys,
        BuildTimeTopics topics,
        bool isSource,
        List<DiagnosticInfo> diagnostics
    )
    {
        TransformStep? topicReader = null;
        TransformStep? headerFrom = null;
        TransformStep? valueHeaderFrom = null;
        var compiledBefore = false;
        var runTimeBefore = new List<TransformStep>();
        foreach (var step in steps)
        {
            var (kind, isKey) = KindOf(step.ClassName);
            if (kind is null && !isSource)
            {
                runTimeBefore.Add(step);
                continue;
            }
            if (kind is null)
            {
                // Run-time stages run before the converter: after a compiled one they would see the record before it.
                var router =
                    step.ClassName is BuiltIn + "RegexRouter" or BuiltIn + "TimestampRouter";
                var user = !step.ClassName.StartsWith(BuiltIn, StringComparison.Ordinal);
                if (compiledBefore && (user || (router && topicReader is not null)))
                {
                    Report(
                        diagnostics,
                        step,
                        step.TypeWhere,
                        user
                            ? "it is a user transformation after a compiled one, and compiled transformations run last (in the value converter), so it would see the record before them; put it first"
                            : "it routes the record after \""
                                + topicReader!.Alias
                                + (
                                    CompiledPredicate.OnTopic(topicReader)
                                        ? "\"'s predicate matches the topic, and compiled transformations run last (in the value converter), so the predicate would see the routed one; put the router first"
                                        : "\" inserts the topic, and compiled transformations run last (in the value converter), so the inserted topic would be the routed one; put the router first"
                                )
                    );
                    return false;
                }
                if (
                    headerFrom is not null
                    && CompiledHeaderOrder.Problem(step, headerFrom) is { } headers
                )
                {
                    Report(diagnostics, step, step.TypeWhere, headers);
                    return false;
                }
                continue;
            }
            if (
                kind == "HeaderFrom"
                && CompiledHeaderOrder.Placement(
                    step,
                    isKey,
                    isSource ? null : runTimeBefore,
                    valueHeaderFrom
                )
                    is { } misplacedHeaders
            )
            {
                Report(
                    diagnostics,
                    misplacedHeaders.Step,
                    misplacedHeaders.Step.TypeWhere,
                    misplacedHeaders.Reason
                );
                return false;
            }
            if (step.Conditional && CompiledPredicate.OnTombstones(step) && !step.Negated)
            {
                // Applies to tombstones only, which a compiled chain leaves as they are.
                compiledBefore = true;
                continue;
            }
            if (
                (
                    (!isSource ? SinkChainOrder.Problem(step, runTimeBefore) : null)
                    ?? HeaderPredicateOrder.Problem(step, steps, isSource)
                ) is
                { } misplaced
            )
            {
                Report(diagnostics, misplaced.Step, misplaced.Step.TypeWhere, misplaced.Reason);
                return false;
            }
            var decided = CompiledPredicate.DecidedAtBuild(step, kind, isKey);
            if (decided && topics.Decide(step) == false)
            {
                // The predicate skips every record the stage sees: compiled to nothing.
                compiledBefore = true;
                continue;
            }
            var plugin = "global::" + step.ClassName;
            stages.Condition = ConditionOf(step, decided, stages);
            var problem = isKey
                ? keys.Apply(kind, step, stages, plugin)
                : (stages.Apply(kind, step, plugin) ? null : stages.Problem);
            if (problem is { } p)
            {
                Report(diagnostics, step, step.Setting(p.Key)?.Where ?? step.TypeWhere, p.Reason);
                return false;
            }
            compiledBefore = true;
            headerFrom ??= kind == "HeaderFrom" ? step : null;
            valueHeaderFrom ??= kind == "HeaderFrom" && !isKey ? step : null;
            topicReader ??=
                stages.ReadsTopic
                || keys.Record?.ReadsTopic == true
                || (step.Conditional && CompiledPredicate.OnTopic(step) && !decided)
                    ? step
                    : null;
        }
        return true;
    }

    // The condition the chain tests per record (TopicNameMatches on the topic it is given,
    // HasHeaderKey on the headers the runner sets on the metadata); null: every record.
    private static string? ConditionOf(TransformStep step, bool decided, CompiledStages stages)
    {
        var onHeaders = step.Conditional && CompiledPredicate.OnHeaders(step);
        stages.ReadsMetadata |= onHeaders;
        return (step.Conditional && CompiledPredicate.OnTopic(step) && !decided) || onHeaders
            ? CompiledPredicate.Condition(step)
            : null;
    }

    private static bool DecidedAtBuild(TransformStep step) =>
        KindOf(step.ClassName) is { Kind: { } kind } k
        && CompiledPredicate.DecidedAtBuild(step, kind, k.IsKey);

    internal static (string? Kind, bool IsKey) KindOf(string className)
    {
        if (!className.StartsWith(BuiltIn, StringComparison.Ordinal))
        {
            return (null, false);
        }
        var name = className.Substring(BuiltIn.Length);
        if (name == "ValueToKey")
        {
            return (name, true);
        }
        var isKey = name.EndsWith("Key", StringComparison.Ordinal);
        var kind =
            isKey ? name.Substring(0, name.Length - 3)
            : name.EndsWith("Value", StringComparison.Ordinal) ? name.Substring(0, name.Length - 5)
            : name;
        return FieldLevel.Contains(kind) ? (kind, isKey) : (null, false);
    }

    private static void Report(
        List<DiagnosticInfo> diagnostics,
        TransformStep step,
        SpecLocation where,
        string reason
    ) =>
        diagnostics.Add(
            DiagnosticBag.Create(
                DiagnosticDescriptors.TransformNotCompiled,
                where,
                step.TypeName,
                reason
            )
        );
}

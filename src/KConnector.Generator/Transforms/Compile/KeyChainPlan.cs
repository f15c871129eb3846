using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The compiled key of a spec (<see cref="KeyChainCompiler"/>) as a chain of its own:
/// <c>{Connector}KeyChain.Apply(topic, key)</c> over the task's own key (on a sink: the key the
/// key converter read), or <c>Apply(topic, value)</c> over the task's value after a ValueToKey on a
/// source, returning the key record (generated from the Avro schema Connect's AvroData writes for
/// the key's struct: the key schema's own name, <c>io.confluent.connect.avro.ConnectDefault</c> for
/// ValueToKey's and HoistField's unnamed one, or the SetSchemaMetadata$Key name) or, after
/// ExtractField$Key, the field itself.
/// </summary>
internal static class KeyChainPlan
{
    /// <summary><paramref name="chain"/> with the key chain <paramref name="keys"/> compiled.</summary>
    /// <summary>
    /// <paramref name="chain"/> with the key chain <paramref name="keys"/> compiled; on a sink with
    /// the shape of its output record, which the task takes (null after a diagnostic).
    /// </summary>
    public static CompiledChain? With(
        CompiledChain chain,
        ParsedSpec spec,
        KeyChainCompiler keys,
        string valueType,
        string keyType,
        List<DiagnosticInfo> diagnostics
    )
    {
        var key = Of(spec, keys, keys.ReadsValue ? valueType : keyType) with
        {
            IsSink = chain.IsSink,
            KeyFromValue = keys.ReadsValue,
            ReadsMetadata = keys.ReadsMetadata,
        };
        if (chain.IsSink && key.PrimitiveOutputType is null)
        {
            key = CompiledChainPlanner.WithOutputShape(key, diagnostics);
        }
        return key is null ? null : chain with { KeyChain = key };
    }

    private static CompiledChain Of(ParsedSpec spec, KeyChainCompiler keys, string inputType)
    {
        var name = ConfigKeyNames.PropertyNameOf(spec.ConnectorName);
        var record = keys.Record;
        // The key is a schema of its own for AvroData: its unnamed structs numbered from one.
        record?.NameUnnamedRecords();
        var fields = keys.Slots.Select(CompiledField.Of).ToEquatableArray();
        return new CompiledChain(
            name + "KeyChain",
            spec.Namespace,
            spec.Access,
            InputType: inputType,
            OutputNamespace: (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".")
                + name
                + "KeyOutput",
            OutputTypeName: record is null
                ? string.Empty
                : OutputAvroSchema.TypeName(record.RecordName),
            OutputSchemaJson: keys.Extracted is { } primitive
                    ? OutputAvroSchema.Primitive(primitive)
                : record is null ? string.Empty
                : OutputAvroSchema.Write(record.RecordName, record.Slots),
            SchemaPath: System.IO.Path.GetFileName(spec.Path) + " (the transformed key)",
            fields,
            Aliases: default,
            Settings: default,
            Side: "Key",
            PrimitiveOutputType: keys.Extracted?.OutputType,
            Headers: keys.Headers.ToEquatableArray()
        );
    }

    /// <summary>
    /// Whether the spec's key is computed by a compiled chain, so that <c>key.converter</c> is not
    /// checked against the task's key type: a source's by ValueToKey or a <c>$Key</c> stage (its key
    /// converter writes the chain's output, checked against it), a sink's by ValueToKey (the key is
    /// made from the value: no key converter reads the topic's key). A sink's other <c>$Key</c>
    /// stages run after its key converter, which is checked against the topic's key.
    /// </summary>
    public static bool ComputedByChain(ParsedSpec spec, bool isSource) =>
        spec.Transforms.Any(s => isSource ? IsKeyStage(s.ClassName) : s.ClassName == ValueToKey);

    private static bool IsKeyStage(string className) =>
        className == ValueToKey
        || (
            CompiledChainPlanner.MayCompile(className)
            && className.EndsWith("Key", System.StringComparison.Ordinal)
        );

    /// <summary>
    /// <paramref name="chain"/> with its key's converter checked: the spec's key converter
    /// (<paramref name="converter"/>) must write the key chain's output (KCN0205 at
    /// <c>key.converter</c>, or at the first key stage when it is the default); it writes the task's
    /// own key type too, for a record without a value, only when it can carry <paramref name="taskKey"/>.
    /// </summary>
    public static CompiledChain? WithKeyConverter(
        CompiledChain? chain,
        ParsedSpec spec,
        ConverterPluginModel converter,
        TypeFormats taskKey,
        PluginCatalog catalog,
        List<DiagnosticInfo> diagnostics
    )
    {
        if (chain?.KeyChain is not { IsSink: false } key)
        {
            return chain;
        }
        var formats = key.OutputFormats;
        var where =
            spec.KeyConverter?.Where
            ?? spec.Transforms.First(s => IsKeyStage(s.ClassName)).TypeWhere;
        var problem = ConverterCompatibility.Check(
            catalog,
            converter,
            formats,
            key.OutputType,
            "key",
            spec.KeyConverter?.Where is null ? " (the default key.converter)" : string.Empty,
            "key.schema",
            where
        );
        if (problem is not null)
        {
            diagnostics.Add(problem);
            return null;
        }
        return chain with
        {
            KeyChain = key with { TaskTypeWritable = converter.CanCarry(taskKey) },
        };
    }

    /// <summary>
    /// The schema entry of a sink's transformed key, which its task takes: the output record's shape
    /// (what a connector mapping key fields reads), or null for a primitive output.
    /// </summary>
    public static SchemaTypeEntry? SinkKeyEntry(CompiledChain key, SchemaTypeEntry? input) =>
        key.OutputShape is not { } shape ? null
        : input is not null
            ? input with
            {
                Shape = shape,
                CSharpFullName = key.OutputType.Substring("global::".Length),
            }
        : new SchemaTypeEntry(
            string.Empty,
            key.OutputTypeName,
            key.OutputType.Substring("global::".Length),
            TypeFormats.AvroRecord,
            shape
        );

    private const string ValueToKey = "KConnector.Transforms.ValueToKey";
}

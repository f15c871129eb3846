using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;
using KConnector.Generator.Plugins;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The compiled key of a source spec (<see cref="KeyChainCompiler"/>) as a chain of its own:
/// <c>{Connector}KeyChain.Apply(topic, value)</c> over the task's value, returning the key record
/// (generated from the Avro schema Connect's AvroData writes for the key's struct:
/// <c>io.confluent.connect.avro.ConnectDefault</c> for ValueToKey's unnamed one, or the
/// SetSchemaMetadata$Key name) or, after ExtractField$Key, the field itself.
/// </summary>
internal static class KeyChainPlan
{
    public static CompiledChain Of(ParsedSpec spec, KeyChainCompiler keys, string valueType)
    {
        var name = ConfigKeyNames.PropertyNameOf(spec.ConnectorName);
        var fields = keys
            .Slots.Select(s => new CompiledField(s.Name, s.Expression))
            .ToEquatableArray();
        var record = keys.Record;
        return new CompiledChain(
            name + "KeyChain",
            spec.Namespace,
            spec.Access,
            InputType: valueType,
            OutputNamespace: (spec.Namespace.Length == 0 ? string.Empty : spec.Namespace + ".")
                + name
                + "KeyOutput",
            OutputTypeName: record is null
                ? string.Empty
                : OutputAvroSchema.TypeName(record.RecordName),
            OutputSchemaJson: record is null
                ? string.Empty
                : OutputAvroSchema.Write(record.RecordName, record.Slots),
            SchemaPath: System.IO.Path.GetFileName(spec.Path) + " (the transformed key)",
            fields,
            Aliases: default,
            Settings: default,
            Side: "Key",
            PrimitiveOutputType: keys.Extracted is { } field
                ? CompiledSlot.Of(field.Type) + (field.Optional ? "?" : string.Empty)
                : null
        );
    }

    /// <summary>
    /// Whether the spec's key is computed from the value (a ValueToKey on a source): its
    /// <c>key.converter</c> is then checked against the chain's output, not the task's key type.
    /// </summary>
    public static bool ComputedFromValue(ParsedSpec spec, bool isSource) =>
        isSource && spec.Transforms.Any(s => s.ClassName == ValueToKey);

    /// <summary>
    /// <paramref name="chain"/> with its key's converter checked: the spec's key converter
    /// (<paramref name="converter"/>) must write the key chain's output (KCN0205 at
    /// <c>key.converter</c>, or at ValueToKey when it is the default); it writes the task's own key
    /// type too, for a record without a value, only when it can carry <paramref name="taskKey"/>.
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
        if (chain?.KeyChain is not { } key)
        {
            return chain;
        }
        var formats = FormatsOf(key);
        var where =
            spec.KeyConverter?.Where
            ?? spec.Transforms.First(s => s.ClassName == ValueToKey).TypeWhere;
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
        return chain with { KeyChain = key with { TaskKeyWritable = converter.CanCarry(taskKey) } };
    }

    /// <summary>What the key chain's output can be converted as.</summary>
    public static TypeFormats FormatsOf(CompiledChain key) =>
        key.PrimitiveOutputType is null ? TypeFormats.AvroRecord
        : key.PrimitiveOutputType.StartsWith("byte[]", System.StringComparison.Ordinal)
            ? TypeFormats.Bytes
        : TypeFormats.String;

    private const string ValueToKey = "KConnector.Transforms.ValueToKey";
}

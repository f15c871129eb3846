using System;
using System.Linq;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The value converter a spec's worker builds: the one <c>value.converter</c> names for the value
/// type, or, with a compiled chain, that converter for the chain's output type behind the chain
/// (the runtime's <c>SourceChainConverter</c>), with the task type's converter kept for dead-letter copies;
/// on a sink, that converter for the topic's type before the chain (<c>SinkChainConverter</c>).
/// </summary>
internal static class CompiledChainConverter
{
    /// <summary>In CreateTask: the compiled aliases leave the run-time chain the options carry.</summary>
    public static void WriteOptions(Emit.SourceWriter w, ConnectorModel model)
    {
        if (model.ValueChain is { } chain)
        {
            w.WriteLine(
                "options = global::KConnector.Transforms.Compiled.CompiledTransformations.Without(options, config.Parsed, new global::System.Collections.Generic.KeyValuePair<string, string>[] { "
                    + string.Join(
                        ", ",
                        chain.Settings.Select(v =>
                            "new("
                            + EmitText.Literal(v.Key)
                            + ", "
                            + EmitText.Literal(v.Value)
                            + ")"
                        )
                    )
                    + " }, "
                    + string.Join(", ", chain.Aliases.Select(EmitText.Literal))
                    + ");"
            );
        }
    }

    /// <summary>
    /// The key converter: the one <c>key.converter</c> names for the key type, or with a compiled
    /// key <see cref="KeyChainConverter.Of"/>.
    /// </summary>
    public static string OfKey(
        ConnectorModel model,
        Func<TypeFormats, string, string, string> converter
    )
    {
        if (model.ValueChain?.KeyChain is not { } key)
        {
            return converter(model.KeyFormats, model.KeyType, "key");
        }
        if (!key.KeyFromValue || key.IsSink)
        {
            return KeyChainConverter.Of(model, key, converter);
        }
        // KeyFormats holds what key.converter may be (the chain's output's formats too); a string
        // or byte[] task key needs no codec of its own.
        var plain = converter(
            model.KeyType is "string" or "byte[]" ? TypeFormats.None : model.KeyFormats,
            model.KeyType,
            "key"
        );
        return "new global::KConnector.Transforms.Compiled.SourceKeyChainConverter<"
            + model.KeyType
            + ", "
            + model.ValueType
            + ", "
            + key.OutputType
            + ">("
            + ChainOutputConverter.Of(key, converter, "key")
            + ", "
            + key.Apply
            + ", "
            // The task's key type's converter only where key.converter can write it (checked at build time).
            + (key.TaskTypeWritable ? plain : "null")
            + WithHeaders(key)
            + ")";
    }

    /// <summary>
    /// In CreateTask, on a sink whose key ValueToKey makes from the value: <c>valueInput</c>, the
    /// topic's value read once per record for the value converter and the key converter
    /// (the runtime's <c>SinkValueInput</c>).
    /// </summary>
    public static void WriteSharedInput(
        Emit.SourceWriter w,
        ConnectorModel model,
        Func<TypeFormats, string, string, string> converter
    )
    {
        if (SharesInput(model) && model.ValueChain is { } chain)
        {
            w.WriteLine(
                "var "
                    + SharedInput
                    + " = new global::KConnector.Transforms.Compiled.SinkValueInput<"
                    + chain.InputType
                    + ">("
                    + converter(model.ValueFormats, chain.InputType, "value")
                    + ");"
            );
        }
    }

    /// <summary>
    /// In CreateTask, when a compiled chain reads the record's Kafka metadata (InsertField's
    /// partition, offset, timestamp): <c>metadata</c>, which the chains read and the runner sets
    /// per record. Whether it was written.
    /// </summary>
    public static bool WriteMetadata(Emit.SourceWriter w, ConnectorModel model)
    {
        if (
            model.ValueChain is not { } chain
            || !(chain.ReadsMetadata || chain.KeyChain?.ReadsMetadata == true)
        )
        {
            return false;
        }
        w.WriteLine(
            "var metadata = new global::KConnector.Transforms.Compiled.CompiledRecordMetadata();"
        );
        return true;
    }

    /// <summary>The local <see cref="WriteSharedInput"/> declares.</summary>
    internal const string SharedInput = "valueInput";

    private static bool SharesInput(ConnectorModel model) =>
        model.ValueChain?.KeyChain is { IsSink: true, KeyFromValue: true };

    public static string Of(
        ConnectorModel model,
        Func<TypeFormats, string, string, string> converter
    )
    {
        if (model.ValueChain is { IsSink: true, HasValueStages: true } sink)
        {
            // The task's type is the output record; the converter reads the topic's (the spec's value.schema).
            return "new global::KConnector.Transforms.Compiled.SinkChainConverter<"
                + sink.InputType
                + ", "
                + sink.OutputType
                + ">("
                + (
                    SharesInput(model)
                        ? SharedInput
                        : converter(model.ValueFormats, sink.InputType, "value")
                )
                + ", "
                + sink.Apply
                + WithHeaders(sink)
                + ")";
        }
        if (SharesInput(model))
        {
            // Only key stages: the task takes the topic's value as read.
            return SharedInput;
        }
        if (model.ValueChain is not { HasValueStages: true } chain)
        {
            return converter(model.ValueFormats, model.ValueType, "value");
        }
        // The task's type's converter, for dead-letter copies, where value.converter can write it.
        var plain = chain.TaskTypeWritable
            ? converter(model.ValueFormats, model.ValueType, "value")
            : "null";
        return "new global::KConnector.Transforms.Compiled.SourceChainConverter<"
            + model.ValueType
            + ", "
            + chain.OutputType
            + ">("
            + ChainOutputConverter.Of(chain, converter, "value")
            + ", "
            + chain.Apply
            + ", "
            + plain
            + WithHeaders(chain)
            + ")";
    }

    // A compiled HeaderFrom's headers, the chain converter's last argument (source and sink, value
    // and key alike).
    internal static string WithHeaders(CompiledChain chain) =>
        chain.Headers.Count > 0 ? ", " + chain.AddHeaders : string.Empty;
}

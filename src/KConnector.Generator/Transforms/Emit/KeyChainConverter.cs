using System;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The key converter of a spec whose <c>$Key</c> stages rewrite the task's own key: on a source,
/// <c>key.converter</c> for the key chain's output behind the chain (the runtime's
/// <c>SourceChainConverter</c>, Connect's order: the transformations, then the converter), with the
/// task key type's converter kept for a dead-letter copy where <c>key.converter</c> can write it;
/// on a sink, <c>key.converter</c> for the topic's key type before the chain
/// (<c>SinkChainConverter</c>: the converter, then the transformations), whose output the task takes;
/// on a sink whose key ValueToKey makes, the value's reader and the chain (<c>SinkKeyChainConverter</c>).
/// </summary>
internal static class KeyChainConverter
{
    public static string Of(
        ConnectorModel model,
        CompiledChain key,
        Func<TypeFormats, string, string, string> converter
    )
    {
        var output = key.OutputType;
        if (key is { IsSink: true, KeyFromValue: true })
        {
            // The value converter's reader, shared: each record's value is read once.
            return "new global::KConnector.Transforms.Compiled.SinkKeyChainConverter<"
                + key.InputType
                + ", "
                + output
                + ">("
                + CompiledChainConverter.SharedInput
                + ", "
                + key.Apply
                + CompiledChainConverter.WithHeaders(key)
                + ")";
        }
        if (key.IsSink)
        {
            return "new global::KConnector.Transforms.Compiled.SinkChainConverter<"
                + key.InputType
                + ", "
                + output
                + ">("
                + converter(model.KeyFormats, key.InputType, "key")
                + ", "
                + key.Apply
                + CompiledChainConverter.WithHeaders(key)
                + ")";
        }
        var plain = key.TaskTypeWritable
            ? converter(
                model.KeyType is "string" or "byte[]" ? TypeFormats.None : model.KeyFormats,
                model.KeyType,
                "key"
            )
            : "null";
        return "new global::KConnector.Transforms.Compiled.SourceChainConverter<"
            + model.KeyType
            + ", "
            + output
            + ">("
            + ChainOutputConverter.Of(key, converter, "key")
            + ", "
            + key.Apply
            + ", "
            + plain
            + CompiledChainConverter.WithHeaders(key)
            + ")";
    }
}

using System;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The converter of a compiled chain's output: <c>key.converter</c> / <c>value.converter</c> for the
/// generated output record, or for the Connect primitive the chain makes, with the primitive's Avro
/// schema the chain's class holds (<c>OutputAvroSchemaJson</c>, as AvroData writes it).
/// </summary>
internal static class ChainOutputConverter
{
    public static string Of(
        CompiledChain chain,
        Func<TypeFormats, string, string, string> converter,
        string side
    ) =>
        chain.PrimitiveOutputType is { } primitive
            ? ConnectorWorkerEmitter.ConverterOf(
                "global::KConnector.Converters.ConverterFormats.ConnectPrimitive<"
                    + primitive
                    + ">("
                    + SchemaConstant(chain)
                    + ")",
                primitive,
                side
            )
            : converter(chain.OutputFormats, chain.OutputType, side);

    /// <summary>The constant holding a primitive output's Avro schema, global-qualified.</summary>
    public static string SchemaConstant(CompiledChain chain) =>
        chain.Apply.Substring(0, chain.Apply.Length - ".Apply".Length) + ".OutputAvroSchemaJson";
}

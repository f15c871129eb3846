using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>The descriptor of Confluent's <c>AvroConverter</c> (<see cref="AvroConverter{T}"/>): its class name and aliases, the types it carries and its config keys (given under <c>key.converter.*</c> / <c>value.converter.*</c>).</summary>
[ConnectPlugin(
    "io.confluent.connect.avro.AvroConverter",
    PluginKind.Converter,
    Aliases = ["AvroConverter", "Avro"],
    Carries = ConverterRecordTypes.AvroRecord | ConverterRecordTypes.OwnFormats,
    Description = "Confluent's Avro converter: records generated from .avsc files in Confluent's wire format (magic byte, schema id), schemas registered in Schema Registry."
)]
[IncludeConfigKeys(typeof(SchemaRegistryConverterKeys))]
public static partial class AvroConverterPlugin;

using KConnector.Configuration;
using KConnector.Converters.Headers;
using KConnector.Plugins;
using KConnector.Transforms.Builtin;

namespace KConnector.Transforms;

/// <summary>The descriptor of Kafka Connect's <c>InsertHeader</c>: adds a header with a literal value to every record.</summary>
[ConnectPlugin(
    "KConnector.Transforms.InsertHeader",
    PluginKind.Transformation,
    Aliases = ["InsertHeader", "org.apache.kafka.connect.transforms.InsertHeader"],
    Description = "Add a header to each record."
)]
[ConfigKey(
    "header",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "The name of the header."
)]
[ConfigKey(
    "value.literal",
    ConfigType.String,
    Required = true,
    Importance = ConfigImportance.High,
    Group = "Transform",
    Documentation = "The literal value that is to be set as the header value on all records (its type inferred as Kafka Connect's Values.parseString does: 42 is an INT8, true a BOOLEAN, [1,2] an ARRAY; anything else a STRING), written through header.converter."
)]
public static partial class InsertHeader
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new InsertHeaderTransformation(
            config.Get<string>("header")!,
            SimpleHeaderConverter.Parse(config.Get<string>("value.literal") ?? string.Empty)
        );
    }
}

using System.Text;
using KConnector.Configuration;
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
    Documentation = "The literal value that is to be set as the header value on all records (written as UTF-8 bytes: headers are raw bytes in this version)."
)]
public static partial class InsertHeader
{
    /// <summary>The transform for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new InsertHeaderTransformation(
            config.Get<string>("header")!,
            Encoding.UTF8.GetBytes(config.Get<string>("value.literal") ?? string.Empty)
        );
    }
}

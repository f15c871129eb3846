using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms;

namespace Company.Connector;

/// <summary>
/// A transformation of your own (Kafka Connect's single message transform, SMT): puts each
/// order's total, quantity x unit_price, in a header, so that consumers can route or filter on it
/// without decoding the value. This descriptor is what the spec names: its class name or alias in
/// <c>transforms.&lt;alias&gt;.type</c>, as for a built-in. The build checks the spec's
/// <c>transforms.&lt;alias&gt;.*</c> keys against the <c>[ConfigKey]</c>s below (a typo is a compile
/// error with did-you-mean) and registers it with the worker.
/// </summary>
[ConnectPlugin(
    "Company.Connector.OrderTotalHeader",
    PluginKind.Transformation,
    Aliases = ["OrderTotalHeader"],
    Description = "Adds a header holding the order's total (quantity x unit_price)."
)]
[ConfigKey(
    "header",
    ConfigType.String,
    Default = "order.total",
    Documentation = "The name of the header the order's total is written to."
)]
public static partial class OrderTotalHeader
{
    /// <summary>Called by the worker for each alias that names this transformation, with its keys parsed and checked.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        new OrderTotalHeaderTransformation(config.Get<string>("header")!);
}

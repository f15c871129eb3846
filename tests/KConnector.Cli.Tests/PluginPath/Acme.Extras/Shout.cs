using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms;

namespace Acme.Connectors.Audit;

/// <summary>
/// A transformation of the plugin (descriptor + class, as the template's OrderTotalHeader): each
/// string value upper-cased, with <c>suffix</c> appended.
/// </summary>
[ConnectPlugin("Acme.Connectors.Audit.Shout", PluginKind.Transformation, Aliases = ["Shout"])]
[ConfigKey("suffix", ConfigType.String, Default = "!", Documentation = "Appended to each value.")]
public static partial class Shout
{
    /// <summary>Called by the worker for each alias naming it, with its keys parsed and checked.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        new ShoutTransformation(config.Get<string>("suffix")!);
}

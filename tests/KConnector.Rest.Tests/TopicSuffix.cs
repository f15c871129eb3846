using KConnector.Configuration;
using KConnector.Plugins;
using KConnector.Transforms;

namespace KConnector.Rest.Tests;

/// <summary>
/// A transformation declared in the host's own project (as a user's Program.cs project declares
/// one): public, so the REST factory's run-time compile, which references the host's assemblies,
/// finds its descriptor as a spec compiled with the project would.
/// </summary>
[ConnectPlugin(
    "KConnector.Rest.Tests.TopicSuffix",
    PluginKind.Transformation,
    Aliases = ["RestTestTopicSuffix"]
)]
[ConfigKey(
    "suffix",
    ConfigType.String,
    Required = true,
    Documentation = "Appended to each record's topic."
)]
public static partial class TopicSuffix
{
    /// <summary>The transformation for <paramref name="config"/>.</summary>
    public static ITransformation Create(ParsedConfig config) =>
        new TopicSuffixTransformation(config.Get<string>("suffix")!);
}

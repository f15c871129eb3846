using KConnector.Configuration;

namespace KConnector.Rest;

/// <summary>
/// A connector plugin the worker can create, from its descriptor: what <c>GET /connector-plugins</c>
/// lists and <c>GET /connector-plugins/{type}/config</c> and <c>.../config/validate</c> read.
/// </summary>
/// <param name="ClassName">The plugin's class name (<c>connector.class</c>).</param>
/// <param name="Aliases">Other names <c>connector.class</c> and the plugin paths accept (Kafka Connect's short names).</param>
/// <param name="IsSink">Whether it is a sink.</param>
/// <param name="Version">Its version (its assembly's).</param>
/// <param name="Definition">Every key it takes: the framework's keys for its kind, then its own.</param>
public sealed record ConnectorPlugin(
    string ClassName,
    IReadOnlyList<string> Aliases,
    bool IsSink,
    string Version,
    ConfigDefinition Definition
)
{
    /// <summary>Whether <paramref name="name"/> names this plugin (its class name or an alias).</summary>
    public bool IsNamed(string name) =>
        string.Equals(ClassName, name, StringComparison.Ordinal)
        || Aliases.Contains(name, StringComparer.Ordinal);
}

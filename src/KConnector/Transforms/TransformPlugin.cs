using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Transforms;

/// <summary>
/// A transform or predicate plugin as the worker finds it by name: its descriptor class, its config
/// definition (generated from the descriptor's <c>[ConfigKey]</c>s), the names a config may give,
/// and how it is created. Kafka Connect's <c>PluginDesc</c> for the two kinds.
/// </summary>
internal sealed record TransformPlugin(
    Type Descriptor,
    PluginKind Kind,
    ConfigDefinition Definition,
    IReadOnlyList<string> Aliases,
    Func<ParsedConfig, ITransformation>? CreateTransformation = null,
    Func<ParsedConfig, IPredicate>? CreatePredicate = null,
    string? ClassNameOverride = null
)
{
    public string ClassName => ClassNameOverride ?? Definition.ConnectorClass;

    /// <summary>The names a config may give: the class name and the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(ClassName);

    public bool IsNamed(string name) =>
        string.Equals(ClassName, name, StringComparison.Ordinal)
        || Aliases.Contains(name, StringComparer.Ordinal);
}

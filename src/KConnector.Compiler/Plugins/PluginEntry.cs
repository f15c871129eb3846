namespace KConnector.Compiler.Plugins;

/// <summary>
/// A plugin a descriptor declares, as <c>describe</c> lists it and as names clash: a name answers
/// once per <paramref name="Family"/> (a connector and a converter may share one, as in Kafka Connect).
/// </summary>
/// <param name="Family">connector, converter, header converter, transformation or predicate.</param>
/// <param name="Kind">What <c>describe</c> shows (source, sink, converter...).</param>
/// <param name="ClassName">Its class name.</param>
/// <param name="Aliases">Its other names.</param>
internal sealed record PluginEntry(
    string Family,
    string Kind,
    string ClassName,
    IReadOnlyList<string> Aliases
)
{
    /// <summary>The class name and the aliases.</summary>
    public IEnumerable<string> Names => [ClassName, .. Aliases];
}

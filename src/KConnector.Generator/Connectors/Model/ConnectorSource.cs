namespace KConnector.Generator.Connectors;

/// <summary>A connector file (spec) with its item metadata and the project's root namespace.</summary>
internal sealed record ConnectorSource(
    string Path,
    string Text,
    string NamespaceOverride,
    string Access,
    bool Generate,
    string RootNamespace
);

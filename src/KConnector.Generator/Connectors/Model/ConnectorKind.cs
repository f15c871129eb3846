namespace KConnector.Generator.Connectors;

/// <summary>Which way a connector moves records.</summary>
internal enum ConnectorKind
{
    Source,
    Sink,
}

using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.Sql.Tests;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// The config table of docs/connectors/postgres-cdc.md is generated from the descriptor's
/// ConfigKeys; this fails when it drifts. KCONNECTOR_ACCEPT_DOCS=1 rewrites it.
/// </summary>
public sealed class ConnectorDocsTests
{
    [Fact]
    public void ConfigTable_MatchesTheConfigDescription() =>
        DocsPage.Check("postgres-cdc.md", PostgresCdcOptions.Definition.Keys);
}

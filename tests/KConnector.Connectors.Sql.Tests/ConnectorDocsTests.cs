using KConnector.Configuration;
using KConnector.Connectors.Sql.Configuration;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>
/// The config tables in docs/connectors/*.md are generated from the connectors' ConfigKeys; this
/// fails when they drift. KCONNECTOR_ACCEPT_DOCS=1 rewrites the tables.
/// </summary>
public sealed class ConnectorDocsTests
{
    public static TheoryData<string> Pages => new() { "sql-sink.md", "sql-source.md" };

    [Theory]
    [MemberData(nameof(Pages))]
    public void ConfigTable_MatchesTheConfigDescription(string page)
    {
        var keys = page switch
        {
            "sql-sink.md" => SqlSinkOptions.Keys,
            _ => SqlSourceOptions.Keys,
        };
        DocsPage.Check(page, keys);
    }
}

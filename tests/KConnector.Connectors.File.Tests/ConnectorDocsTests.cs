using KConnector.Connectors.File.Sink;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.Sql.Tests;

namespace KConnector.Connectors.File.Tests;

/// <summary>The file connectors' docs tables match their ConfigKeys (KCONNECTOR_ACCEPT_DOCS=1 rewrites them).</summary>
public sealed class ConnectorDocsTests
{
    [Fact]
    public void FileSourcePage_MatchesTheConfigDescription() =>
        DocsPage.Check("file-source.md", FileSourceOptions.Keys);

    [Fact]
    public void FileSinkPage_MatchesTheConfigDescription() =>
        DocsPage.Check("file-sink.md", FileSinkOptions.Keys);
}

using KConnector.Configuration;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>Finds a page under docs/connectors and compares (or, with KCONNECTOR_ACCEPT_DOCS=1, rewrites) its config table.</summary>
internal static class DocsPage
{
    public static void Check(string page, IReadOnlyList<ConfigKey> keys)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null
            && !System.IO.File.Exists(Path.Combine(directory.FullName, "Generator.sln"))
        )
        {
            directory = directory.Parent;
        }
        Assert.NotNull(directory);
        var path = Path.Combine(directory.FullName, "docs", "connectors", page);
        Assert.True(System.IO.File.Exists(path), path + " is missing");
        var text = System.IO.File.ReadAllText(path);
        if (Environment.GetEnvironmentVariable("KCONNECTOR_ACCEPT_DOCS") == "1")
        {
            System.IO.File.WriteAllText(path, ConfigDocumentation.ReplaceTable(text, keys));
            return;
        }
        var table = ConfigDocumentation.ExtractTable(text);
        Assert.True(table is not null, $"{path} has no config-table markers");
        Assert.Equal(ConfigDocumentation.ToMarkdownTable(keys), table);
    }
}

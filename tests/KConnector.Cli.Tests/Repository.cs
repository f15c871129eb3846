namespace KConnector.Cli.Tests;

/// <summary>The clone the tests run in.</summary>
internal static class Repository
{
    /// <summary>The folder holding Generator.sln, above the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln"))
        )
        {
            directory = directory.Parent;
        }
        return directory?.FullName
            ?? throw new InvalidOperationException("Generator.sln not found above the tests");
    }
}

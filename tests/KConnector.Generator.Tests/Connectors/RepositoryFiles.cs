namespace KConnector.Generator.Tests.Connectors;

/// <summary>Finds files of the repository the tests run from (the folder holding Generator.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every file matching <paramref name="pattern"/>, outside build output.</summary>
    public static IReadOnlyList<string> Find(string pattern) =>
        [
            .. Directory
                .EnumerateFiles(Root, pattern, SearchOption.AllDirectories)
                .Where(p =>
                {
                    var relative = Path.GetRelativePath(Root, p).Replace('\\', '/');
                    return !relative.StartsWith("artifacts/", StringComparison.Ordinal)
                        && !relative.Contains("/bin/", StringComparison.Ordinal)
                        && !relative.Contains("/obj/", StringComparison.Ordinal)
                        && !relative.StartsWith(".git/", StringComparison.Ordinal);
                })
                .Order(StringComparer.Ordinal),
        ];

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 12 && directory is not null; i++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException(
            "Generator.sln not found above " + AppContext.BaseDirectory
        );
    }
}

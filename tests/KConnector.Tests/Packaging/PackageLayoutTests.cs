using System.IO.Compression;

namespace KConnector.Tests.Packaging;

/// <summary>
/// Users reference one package and get the runtime and the generator. build.sh packs it into
/// artifacts/packages before the tests run.
/// </summary>
public class PackageLayoutTests
{
    [Fact]
    public void KConnectorPackage_CarriesRuntimeGeneratorAndBuildProps()
    {
        var package = FindPackage();
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("lib/net10.0/KConnector.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/KConnector.Generator.dll", entries);
        Assert.Contains("build/KConnector.props", entries);
        Assert.Contains("build/KConnector.targets", entries);
        Assert.Contains("buildTransitive/KConnector.props", entries);
        // The generator must not leak into the user's compile references.
        Assert.DoesNotContain("lib/net10.0/KConnector.Generator.dll", entries);
    }

    private static string FindPackage()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generator.sln")))
        {
            dir = dir.Parent;
        }
        Assert.True(
            dir is not null,
            "the repository root (Generator.sln) was not found above the test binaries"
        );
        var packages = Path.Combine(dir.FullName, "artifacts", "packages");
        var found = Directory.Exists(packages)
            ? Directory.GetFiles(packages, "KConnector.0.*.nupkg")
            : [];
        Assert.True(
            found.Length > 0,
            $"no KConnector package in {packages}: run ./build.sh test, which packs it before testing"
        );
        return found.OrderByDescending(File.GetLastWriteTimeUtc).First();
    }
}

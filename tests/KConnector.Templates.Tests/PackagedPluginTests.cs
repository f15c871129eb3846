namespace KConnector.Templates.Tests;

/// <summary>
/// Issue 13's proof, literally: a third party's project holding a sink connector and a converter
/// (descriptors only, PackagedPlugin/Acme.Connectors.Audit) is packed with <c>dotnet pack</c> into
/// a local folder feed; a user's project (PackagedPlugin/Acme.Orders) restores it and the freshly
/// packed KConnector from NuGet, its spec names both, and it builds and runs on the embedded
/// cluster, the records checked at the end. No change to KConnector.
/// </summary>
public sealed class PackagedPluginTests(TemplatePack pack) : IClassFixture<TemplatePack>
{
    private const string PackageId = "Acme.Connectors.Audit";

    [Fact]
    public async Task ASpecNamingAPackagesConnectorAndConverter_RestoresBuildsAndRuns()
    {
        await pack.EnsureInstalledAsync();
        var work = Path.Combine(pack.Work, "packaged-plugin");
        var feed = Path.Combine(work, "feed");
        // A version of its own per run: the shared packages folder must not serve an older build.
        var acmeVersion = "1.0.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
        var properties = new Dictionary<string, string>
        {
            ["$(KConnectorVersion)"] = KConnectorVersion(),
            ["$(AcmeVersion)"] = acmeVersion,
        };
        var plugin = Copy("Acme.Connectors.Audit", work, properties);
        var orders = Copy("Acme.Orders", work, properties);
        WriteNuGetConfig(orders, feed);
        WriteNuGetConfig(plugin, feed);

        var packed = await pack.DotnetAsync(plugin, "pack", "-c", "Release", "-o", feed, "-nologo");
        Assert.True(packed.ExitCode == 0, "dotnet pack failed:\n" + packed.Output);
        Assert.True(
            File.Exists(Path.Combine(feed, $"{PackageId}.{acmeVersion}.nupkg")),
            "no package in " + feed + ":\n" + packed.Output
        );

        var build = await pack.DotnetAsync(orders, "build", "-nologo", "-v", "quiet");
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        var output = Path.Combine(work, "audit.log");
        var run = await pack.DotnetAsync(orders, "run", "--no-build", "--", output);

        Assert.True(run.ExitCode == 0, "dotnet run failed:\n" + run.Output);
        Assert.Contains("audit lines: 10", run.Output, StringComparison.Ordinal);
        Assert.Equal(
            Enumerable.Range(0, 10).Select(n => "acme:order-" + n),
            File.ReadAllLines(output)
        );
    }

    private string KConnectorVersion() =>
        Path.GetFileNameWithoutExtension(
            Directory
                .GetFiles(pack.Packages, "KConnector.0.*.nupkg")
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .First()
        )["KConnector.".Length..];

    // The project's files as the test project copied them, with the versions filled in. The spec
    // is kept as .connector.json.in: the IDE's JSON Schema (schemas/connector.schema.json) lists
    // the runtime's plugins only, and every .connector.json in the repository is checked against it.
    private static string Copy(
        string project,
        string work,
        IReadOnlyDictionary<string, string> properties
    )
    {
        var from = Path.Combine(AppContext.BaseDirectory, "PackagedPlugin", project);
        var to = Path.Combine(work, project);
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            if (name.EndsWith(".in", StringComparison.Ordinal))
            {
                name = name[..^".in".Length];
                text = properties.Aggregate(
                    text,
                    (t, p) => t.Replace(p.Key, p.Value, StringComparison.Ordinal)
                );
            }
            File.WriteAllText(Path.Combine(to, name), text);
        }
        return to;
    }

    // nuget.org for the dependencies, the packed KConnector and the plugin's folder feed.
    private void WriteNuGetConfig(string directory, string feed)
    {
        Directory.CreateDirectory(feed);
        File.WriteAllText(
            Path.Combine(directory, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="kconnector" value="{pack.Packages}" />
                <add key="acme" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="kconnector">
                  <package pattern="KConnector" />
                  <package pattern="KConnector.*" />
                </packageSource>
                <packageSource key="acme"><package pattern="Acme.*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """
        );
    }
}

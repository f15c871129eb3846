namespace KConnector.Cli.Tests.PluginPath;

/// <summary>
/// <c>kconnector describe --worker</c> lists the plugins of the worker's <c>plugin.path</c> with
/// their location and describes them as built-ins; <c>validate</c> checks a spec naming them as
/// <c>run</c> does, each a real child process.
/// </summary>
public sealed class PluginPathDescribeTests : IDisposable
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(240);
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task Describe_WithTheWorker_ListsThePluginsWithTheirLocation()
    {
        var worker = AuditRun.Worker(_folder);

        using var child = ChildCli.Start(_folder.Path, "describe", "--worker", worker);

        Assert.True(await child.WaitForExitAsync(Exit) == 0, child.ToString());
        var listing = child.Output[
            child.Output.IndexOf("Plugins from plugin.path:", StringComparison.Ordinal)..
        ];
        Assert.Contains(
            "  " + Path.Combine(AcmePlugin.PluginPath, "acme") + "\n",
            listing,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "    Acme.Connectors.Audit.AuditSink (sink; also AuditSink)",
            listing,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "    Acme.Connectors.Audit.CaesarConverter (converter; also CaesarConverter, Caesar)",
            listing,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "    Acme.Connectors.Audit.Shout (transformation; also Shout)",
            listing,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "    Acme.Connectors.Audit.AuditVaultConfigProvider (config provider; also AuditVault)",
            listing,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task DescribeTheSink_ShowsItsKeysAndLocation_UnknownWithoutThePluginPath()
    {
        var worker = AuditRun.Worker(_folder);

        using var described = ChildCli.Start(
            _folder.Path,
            "describe",
            "AuditSink",
            "--worker",
            worker
        );
        using var unknown = ChildCli.Start(_folder.Path, "describe", "AuditSink");

        Assert.True(await described.WaitForExitAsync(Exit) == 0, described.ToString());
        Assert.Contains(
            "Acme.Connectors.Audit.AuditSink: a sink connector",
            described.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "  location: " + Path.Combine(AcmePlugin.PluginPath, "acme"),
            described.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("audit.file", described.Output, StringComparison.Ordinal);
        Assert.True(await unknown.WaitForExitAsync(Exit) == 1, unknown.ToString());
        Assert.Contains("Unknown connector 'AuditSink'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AgreesWithRun_OnASpecNamingThePlugins()
    {
        var worker = AuditRun.Worker(_folder, "bootstrap.servers=127.0.0.1:1");
        var audit = _folder.File("audit.log");
        var valid = AuditRun.Spec(_folder, "valid", AuditRun.Config("t", audit, 3));
        // The plugin's converter allows shifts 0..25.
        var invalid = AuditRun.Spec(_folder, "invalid", AuditRun.Config("t", audit, 30));

        using var validOne = ChildCli.Start(_folder.Path, "validate", worker, valid);
        using var withoutPath = ChildCli.Start(_folder.Path, "validate", valid);
        using var invalidOne = ChildCli.Start(_folder.Path, "validate", worker, invalid);
        using var runInvalid = ChildCli.Start(
            _folder.Path,
            "run",
            worker,
            invalid,
            "--duration",
            "60"
        );

        Assert.True(await validOne.WaitForExitAsync(Exit) == 0, validOne.ToString());
        Assert.Contains(valid + ": valid", validOne.Output, StringComparison.Ordinal);
        Assert.True(await withoutPath.WaitForExitAsync(Exit) == 1, withoutPath.ToString());
        Assert.Contains("AuditSink", withoutPath.Error, StringComparison.Ordinal);
        Assert.True(await invalidOne.WaitForExitAsync(Exit) == 1, invalidOne.ToString());
        Assert.True(await runInvalid.WaitForExitAsync(Exit) == 1, runInvalid.ToString());
        var verdict = FirstLineNaming("value.converter.shift", invalidOne.Error);
        Assert.False(
            verdict is null,
            "validate does not name value.converter.shift\n" + invalidOne
        );
        Assert.Contains(verdict, runInvalid.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("running", runInvalid.Output, StringComparison.Ordinal);
    }

    private static string? FirstLineNaming(string key, string text) =>
        text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .FirstOrDefault(l => l.Contains(key, StringComparison.Ordinal));

    public void Dispose() => _folder.Dispose();
}

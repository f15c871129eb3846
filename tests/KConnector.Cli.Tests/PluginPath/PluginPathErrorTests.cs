namespace KConnector.Cli.Tests.PluginPath;

/// <summary>
/// A <c>plugin.path</c> the worker cannot use stops it before anything starts (exit 1), naming the
/// key and the entry or file: a directory that does not exist, a .dll that is not a .NET assembly,
/// two plugins answering to the same class name; by <c>run</c>, <c>validate</c>, <c>describe</c>
/// and <c>distributed</c> alike. Real child processes.
/// </summary>
public sealed class PluginPathErrorTests : IDisposable
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(240);
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task Run_WithAMissingDirectory_ExitsOne_NamingPluginPathAndTheDirectory()
    {
        var missing = _folder.File("no-such-plugins");
        var worker = _folder.Write("worker.properties", $"plugin.path={missing}\n");
        var spec = AuditRun.Spec(
            _folder,
            "acme-audit",
            AuditRun.Config("t", _folder.File("a.log"), 3)
        );

        using var child = ChildCli.Start(_folder.Path, "run", worker, spec, "--duration", "60");

        Assert.True(await child.WaitForExitAsync(Exit) == 1, child.ToString());
        Assert.Contains(
            $"plugin.path: {missing} is not a directory",
            child.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("running", child.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithADllThatIsNotDotNet_ExitsOne_NamingTheFile()
    {
        var plugin = Directory
            .CreateDirectory(_folder.File(Path.Combine("plugins", "native")))
            .FullName;
        var dll = Path.Combine(plugin, "libnative.dll");
        File.WriteAllBytes(dll, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]);
        var worker = _folder.Write("worker.properties", $"plugin.path={_folder.File("plugins")}\n");
        var spec = AuditRun.Spec(
            _folder,
            "acme-audit",
            AuditRun.Config("t", _folder.File("a.log"), 3)
        );

        using var child = ChildCli.Start(_folder.Path, "validate", worker, spec);

        Assert.True(await child.WaitForExitAsync(Exit) == 1, child.ToString());
        Assert.Contains(
            $"plugin.path: {dll} is not a .NET assembly",
            child.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Describe_WithTwoPluginsAnsweringToOneClass_ExitsOne_NamingBoth()
    {
        var copy = Directory
            .CreateDirectory(_folder.File(Path.Combine("more-plugins", "acme-copy")))
            .FullName;
        File.Copy(AcmePlugin.Dll, Path.Combine(copy, Path.GetFileName(AcmePlugin.Dll)));
        var worker = _folder.Write(
            "worker.properties",
            $"plugin.path={AcmePlugin.PluginPath}, {_folder.File("more-plugins")}\n"
        );

        using var child = ChildCli.Start(_folder.Path, "describe", "--worker", worker);

        Assert.True(await child.WaitForExitAsync(Exit) == 1, child.ToString());
        Assert.Contains(
            "plugin.path: two connectors answer to 'Acme.Connectors.Audit.AuditSink': Acme.Connectors.Audit.AuditSink in "
                + Path.Combine(AcmePlugin.PluginPath, "acme")
                + " and Acme.Connectors.Audit.AuditSink in "
                + copy,
            child.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Distributed_WithAMissingDirectory_ExitsOne_NamingTheWorkerFileAndPluginPath()
    {
        var missing = _folder.File("no-such-plugins");
        var worker = _folder.Write(
            "worker.properties",
            string.Join(
                '\n',
                "bootstrap.servers=127.0.0.1:1",
                "group.id=connect-cluster",
                "config.storage.topic=c",
                "offset.storage.topic=o",
                "status.storage.topic=s",
                "listeners=http://127.0.0.1:0",
                "plugin.path=" + missing
            ) + "\n"
        );

        using var child = ChildCli.Start(_folder.Path, "distributed", worker);

        Assert.True(await child.WaitForExitAsync(Exit) == 1, child.ToString());
        Assert.Contains(
            $"{worker}: plugin.path: {missing} is not a directory",
            child.Error,
            StringComparison.Ordinal
        );
    }

    public void Dispose() => _folder.Dispose();
}

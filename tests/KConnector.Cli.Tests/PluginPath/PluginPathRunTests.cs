using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KConnector.Kafka;

namespace KConnector.Cli.Tests.PluginPath;

/// <summary>
/// A plugin that is not part of the tool, found through the worker key <c>plugin.path</c>
/// (docs/worker.md "plugin.path"): <c>kconnector run</c>, as a real child process on the embedded
/// cluster, runs a spec naming the plugin's sink, converter and transformation, with a value from
/// the plugin's config provider; and a connector
/// created over the REST API of a <c>run</c> without specs takes the same plugins.
/// </summary>
public sealed partial class PluginPathRunTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(240);
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task Run_ASpecNamingThePluginsSinkConverterTransformationAndProvider_WritesTheLines()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("audited", partitions: 1);
        AuditRun.Produce(kafka.BootstrapServers, "audited", 5);
        var audit = _folder.File("audit.log");
        // The file's path through the plugin's config provider, named by the worker's config.providers.
        var worker = AuditRun.Worker(
            _folder,
            "bootstrap.servers=" + kafka.BootstrapServers,
            "config.providers=vault",
            "config.providers.vault.class=AuditVault",
            "config.providers.vault.param.file=" + audit
        );
        var spec = AuditRun.Spec(
            _folder,
            "acme-audit",
            AuditRun.Config("audited", "${vault:audit:file}", AuditRun.Shift)
        );

        using var child = ChildCli.Start(
            _folder.Path,
            "run",
            worker,
            spec,
            "--progress-interval",
            "0"
        );
        await child.WaitUntilAsync(() => AuditRun.Lines(audit).Count >= 5, "5 audit lines", Start);
        child.Signal(ChildCli.SigInt);

        Assert.Equal(0, await child.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        // Decoded by the plugin's Caesar converter, then its Shout transformation, then its sink.
        Assert.Equal(AuditRun.Expected(5), AuditRun.Lines(audit));
    }

    [Fact]
    public async Task Rest_PostConnectorsNamingThePluginsSink_RunsIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("audited-rest", partitions: 1);
        AuditRun.Produce(kafka.BootstrapServers, "audited-rest", 3);
        var audit = _folder.File("audit-rest.log");
        var worker = AuditRun.Worker(_folder, "bootstrap.servers=" + kafka.BootstrapServers);

        using var child = ChildCli.Start(
            _folder.Path,
            "run",
            worker,
            "--set",
            "listeners=http://127.0.0.1:0",
            "--progress-interval",
            "0"
        );
        await child.WaitUntilAsync(
            () => RestAddress().IsMatch(child.Output),
            "the REST API's address",
            Start
        );
        using var http = new HttpClient
        {
            BaseAddress = new Uri(RestAddress().Match(child.Output).Groups[1].Value),
            Timeout = TimeSpan.FromSeconds(240),
        };
        var plugins = await http.GetStringAsync("/connector-plugins");
        Assert.Contains("Acme.Connectors.Audit.AuditSink", plugins, StringComparison.Ordinal);
        var created = await http.PostAsJsonAsync(
            "/connectors",
            new
            {
                name = "acme-audit-rest",
                config = AuditRun.Config("audited-rest", audit, AuditRun.Shift),
            }
        );
        Assert.True(
            created.IsSuccessStatusCode,
            $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{child}"
        );
        await child.WaitUntilAsync(() => AuditRun.Lines(audit).Count >= 3, "3 audit lines", Start);
        child.Signal(ChildCli.SigTerm);

        Assert.Equal(0, await child.WaitForExitAsync(TimeSpan.FromSeconds(120)));
        Assert.Equal(AuditRun.Expected(3), AuditRun.Lines(audit));
    }

    [GeneratedRegex(@"REST API at (http://127\.0\.0\.1:\d+)")]
    private static partial Regex RestAddress();

    public void Dispose() => _folder.Dispose();
}

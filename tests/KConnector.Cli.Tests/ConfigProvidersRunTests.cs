using System.Text.Json;
using KConnector.Kafka;

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run worker.properties spec</c> with the worker's <c>config.providers</c>: Kafka's
/// DirectoryConfigProvider resolves the spec's <c>${dir:...}</c> reference; without it the reference
/// is refused naming the spec's key; a provider with an unknown class stops the run before anything
/// compiles, naming its key. <c>kconnector describe</c> lists the providers from their descriptors.
/// </summary>
public sealed class ConfigProvidersRunTests : IDisposable
{
    private const string Topic = "cli-provided";
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task TheWorkersDirectoryProvider_ResolvesTheSpecsReference()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(Topic, partitions: 1);
        var (spec, input) = SpecReadingThroughDir();
        StandaloneSpecs.AppendOrders(input, 0, 3);
        var worker = _folder.Write(
            "worker.properties",
            $"""
            bootstrap.servers={kafka.BootstrapServers}
            offset.storage.file.filename={_folder.File("provided.offsets")}
            config.providers=dir
            config.providers.dir.class=DirectoryConfigProvider
            config.providers.dir.param.allowed.paths={_folder.File("secrets")}
            """
        );

        var run = await CliRun.InvokeAsync(
            "run",
            worker,
            spec,
            "--max-records",
            "3",
            "--progress-interval",
            "0"
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["order-0", "order-1", "order-2"],
            StandaloneSpecs.OrderIds(TopicContents.Values(kafka.BootstrapServers, Topic, 1))
        );
    }

    [Fact]
    public async Task WithoutTheProvider_TheReferenceIsRefused_NamingTheSpecsKey()
    {
        var (spec, input) = SpecReadingThroughDir();
        StandaloneSpecs.AppendOrders(input, 0, 1);

        var run = await CliRun.InvokeAsync("run", spec, "--duration", "30");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("file: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(
            "names the config provider 'dir', which is not registered (known: env, file;",
            run.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("running", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderWithAnUnknownClass_StopsTheRunBeforeAnythingCompiles_NamingTheKey()
    {
        var (spec, _) = SpecReadingThroughDir();
        var worker = _folder.Write(
            "worker.properties",
            """
            config.providers=vault
            config.providers.vault.class=com.example.VaultConfigProvider
            """
        );

        var run = await CliRun.InvokeAsync("run", worker, spec, "--duration", "30");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(
            "config.providers.vault.class: com.example.VaultConfigProvider is not a config provider",
            run.Error,
            StringComparison.Ordinal
        );
        Assert.StartsWith("Not started:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("running", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_ListsTheConfigProviders_AndDescribesOneByAlias()
    {
        var list = await CliRun.InvokeAsync("describe");
        var one = await CliRun.InvokeAsync("describe", "DirectoryConfigProvider");

        Assert.True(list.ExitCode == 0, list.ToString());
        var lines = list.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var providers = lines.IndexOf("Config providers:");
        Assert.True(providers > 0, list.Output);
        Assert.Equal(
            [
                "  org.apache.kafka.common.config.provider.DirectoryConfigProvider (also DirectoryConfigProvider, Directory)",
                "  org.apache.kafka.common.config.provider.EnvVarConfigProvider (also EnvVarConfigProvider, EnvVar)",
                "  org.apache.kafka.common.config.provider.FileConfigProvider (also FileConfigProvider, File)",
            ],
            lines.Skip(providers + 1).Take(3)
        );
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.StartsWith(
            "org.apache.kafka.common.config.provider.DirectoryConfigProvider: a config provider",
            one.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "  config.providers.<name>.param.allowed.paths",
            one.Output,
            StringComparison.Ordinal
        );
    }

    // A file source whose input path is a mounted secret: the file "input-file" in secrets/.
    private (string Spec, string Input) SpecReadingThroughDir()
    {
        var input = _folder.File("orders.jsonl");
        Directory.CreateDirectory(_folder.File("secrets"));
        File.WriteAllText(_folder.File(Path.Combine("secrets", "input-file")), input);
        var reference = "${dir:" + _folder.File("secrets") + ":input-file}";
        var spec = _folder.Write(
            "provided.connector.json",
            $$"""
            {
              "name": "cli-provided-source",
              "config": {
                "connector.class": "FileStreamSource",
                "file": {{JsonSerializer.Serialize(reference)}},
                "format": "json",
                "topic": "{{Topic}}",
                "poll.interval.ms": 50,
                "key.converter": "org.apache.kafka.connect.storage.StringConverter",
                "value.converter": "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable": false,
                "value.schema": "order.avsc"
              }
            }
            """
        );
        return (spec, input);
    }

    public void Dispose() => _folder.Dispose();
}

namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector distributed worker.properties</c> refuses, before it joins anything, a worker file
/// that is not a distributed worker's: each missing or misspelt key named with the file, exit 1.
/// Running workers are tested in tests/KConnector.Rest.Tests (DistributedToolTests).
/// </summary>
public sealed class DistributedCommandTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task WorkerFile_WithoutTheStorageTopics_IsRefused_NamingEachKey()
    {
        var worker = _folder.Write(
            "worker.properties",
            "bootstrap.servers=localhost:9092\ngroup.id=connect-cluster\nlisteners=http://127.0.0.1:8083\n"
        );

        var run = await CliRun.InvokeAsync("distributed", worker);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(
            worker + ": not a distributed worker's config",
            run.Error,
            StringComparison.Ordinal
        );
        foreach (
            var key in new[]
            {
                "config.storage.topic",
                "offset.storage.topic",
                "status.storage.topic",
            }
        )
        {
            Assert.Contains(key, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WorkerFile_WithAMisspeltKey_IsRefused_WithDidYouMean()
    {
        var worker = _folder.Write(
            "worker.properties",
            "bootstrap.servers=localhost:9092\ngroup.id=connect-cluster\nconfig.storage.topic=c\noffset.storage.topic=o\nstatus.storage.topic=s\nstatus.storage.partition=5\n"
        );

        var run = await CliRun.InvokeAsync("distributed", worker);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(
            "\"status.storage.partition\" is not a key of the worker",
            run.Error,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Did you mean \"status.storage.partitions\"?",
            run.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AConnectorConfig_IsRefused_ConnectorsComeOverRest()
    {
        var config = _folder.Write(
            "orders.properties",
            "name=orders\nconnector.class=FileStreamSink\ntopics=orders\nfile=orders.jsonl\n"
        );

        var run = await CliRun.InvokeAsync("distributed", config);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(
            config + ": names a connector.class: a distributed worker takes its worker config only",
            run.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task WorkerFile_WithNoListeners_IsRefused_ItsRestApiIsWhereConnectorsComeFrom()
    {
        var worker = _folder.Write(
            "worker.properties",
            "bootstrap.servers=localhost:9092\ngroup.id=connect-cluster\nconfig.storage.topic=c\noffset.storage.topic=o\nstatus.storage.topic=s\nlisteners=\n"
        );

        var run = await CliRun.InvokeAsync("distributed", worker);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(worker + ": \"listeners\" is empty", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}

using KConnector.IntegrationTests.Reliability;
using KConnector.Kafka;
using Xunit.Abstractions;

namespace KConnector.IntegrationTests.Distributed.ExactlyOnce;

/// <summary>
/// Distributed worker processes with <c>exactly.once.source.support=enabled</c> in group
/// <paramref name="group"/>, on the internal topics under <paramref name="prefix"/>
/// (<see cref="ConnectTopics"/>), sharing a temporary sink folder. Disposing stops them all and
/// tells what any that failed (not SIGKILLed by the test) printed last.
/// </summary>
internal sealed class ExactlyOnceWorkers(
    EmbeddedKafka kafka,
    string prefix,
    string group,
    ITestOutputHelper output
) : IDisposable
{
    private readonly string _sinkFolder = Directory
        .CreateTempSubdirectory($"kconnector-{prefix}-")
        .FullName;
    private readonly List<DistributedProcess> _processes = [];

    /// <summary>A new worker process (it joins the group as it starts).</summary>
    public DistributedProcess Start()
    {
        var process = new DistributedProcess(
            WorkerProcess.Start(
                "distributed",
                kafka.BootstrapServers,
                group,
                prefix,
                _sinkFolder,
                "3000",
                "exactly.once.source.support=enabled"
            )
        );
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            // 137: SIGKILL, what a test does to a worker on purpose.
            if (
                process.Process.HasExited
                && process.Process.ExitCode != 0
                && process.Process.ExitCode != 137
            )
            {
                output.WriteLine(
                    $"worker {process.Id} exited {process.Process.ExitCode}:\n"
                        + string.Join("\n", process.Process.Output.TakeLast(40))
                );
            }
            process.Process.Dispose();
        }
        Directory.Delete(_sinkFolder, recursive: true);
    }
}

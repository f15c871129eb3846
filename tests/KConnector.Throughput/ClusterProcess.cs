using System.Diagnostics;
using System.Globalization;
using KConnector.Kafka;

namespace KConnector.Throughput;

/// <summary>
/// The embedded cluster in a process of its own, so the loops' CPU time and RSS are the client's
/// and the worker's alone (the mock brokers' threads and stored records are not counted). The
/// parent asks for topics over the child's standard input; closing it stops the cluster.
/// </summary>
internal sealed class ClusterProcess : IDisposable
{
    private const string Ready = "BOOTSTRAP ";
    private const string Created = "CREATED";
    private readonly Process _process;

    private ClusterProcess(Process process, string bootstrapServers)
    {
        _process = process;
        BootstrapServers = bootstrapServers;
    }

    public string BootstrapServers { get; }

    public static ClusterProcess Start()
    {
        var start = SelfStart.Info("--cluster");
        start.RedirectStandardInput = true;
        var process = Process.Start(start)!;
        var line = ReadLine(process, "start");
        if (!line.StartsWith(Ready, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("The cluster process said: " + line);
        }
        return new ClusterProcess(process, line[Ready.Length..]);
    }

    public void CreateTopic(string topic, int partitions)
    {
        _process.StandardInput.WriteLine(
            topic + " " + partitions.ToString(CultureInfo.InvariantCulture)
        );
        _process.StandardInput.Flush();
        var line = ReadLine(_process, "create " + topic);
        if (line != Created)
        {
            throw new InvalidOperationException("The cluster process said: " + line);
        }
    }

    /// <summary>The child's side: serve the cluster until the parent closes standard input.</summary>
    public static int Serve()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 3, initialRebalanceDelay: TimeSpan.Zero);
        Console.WriteLine(Ready + kafka.BootstrapServers);
        while (Console.ReadLine() is { } request)
        {
            var parts = request.Split(' ');
            kafka.CreateTopic(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
            Console.WriteLine(Created);
        }
        return 0;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private static string ReadLine(Process process, string what)
    {
        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(TimeSpan.FromSeconds(60)) || read.Result is null)
        {
            process.Kill();
            throw new TimeoutException("The cluster process did not answer: " + what);
        }
        return read.Result;
    }
}

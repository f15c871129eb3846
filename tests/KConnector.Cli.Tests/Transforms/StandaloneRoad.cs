using System.Globalization;
using Confluent.Kafka;
using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;
using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// The standalone road of a spec the IntegrationTests run as a generated worker: the same spec and
/// schema files, copied from tests/KConnector.IntegrationTests/Transforms into a user's folder,
/// then <c>kconnector run worker.properties spec</c> as connect-standalone takes them.
/// </summary>
internal static class StandaloneRoad
{
    /// <summary>
    /// Copies <paramref name="names"/> from the IntegrationTests' Transforms folder into
    /// <paramref name="folder"/>; returns the first one's path there.
    /// </summary>
    public static string CopyFromIntegrationTests(SpecFolder folder, params string[] names)
    {
        var from = Path.Combine(
            Repository.Root(),
            "tests",
            "KConnector.IntegrationTests",
            "Transforms"
        );
        foreach (var name in names)
        {
            File.Copy(Path.Combine(from, name), folder.File(name), overwrite: true);
        }
        return folder.File(names[0]);
    }

    /// <summary>
    /// Runs <paramref name="spec"/> with a worker.properties naming the cluster and this run's own
    /// offsets file, until <paramref name="records"/> records are processed; <paramref name="sets"/>
    /// override the connector's keys (<c>--set key=value</c>).
    /// </summary>
    public static Task<CliRun> RunAsync(
        SpecFolder folder,
        string bootstrapServers,
        string spec,
        int records,
        params string[] sets
    )
    {
        // Offsets of this run only: the default file (connect.offsets in the working directory)
        // outlives the test, and a later run would resume after these lines.
        var worker = folder.Write(
            "worker.properties",
            $"bootstrap.servers={bootstrapServers}\noffset.storage.file.filename={folder.File("run.offsets")}\n"
        );
        return CliRun.InvokeAsync([
            "run",
            worker,
            spec,
            .. sets.SelectMany(s => new[] { "--set", s }),
            "--max-records",
            records.ToString(CultureInfo.InvariantCulture),
            "--progress-interval",
            "0",
        ]);
    }

    /// <summary>
    /// The road most of these tests take: copies the IntegrationTests' <paramref name="specName"/>
    /// (with payment.avsc) into <paramref name="folder"/>, runs it on a fresh embedded cluster over
    /// <paramref name="lines"/> payments (<see cref="WritePaymentsAsync"/>) with <paramref name="sets"/>,
    /// checks the run wrote them all to <paramref name="topic"/> and returns that topic's records.
    /// </summary>
    public static async Task<IReadOnlyList<Message<byte[]?, byte[]?>>> RunPaymentsSpecAsync(
        SpecFolder folder,
        string specName,
        string topic,
        int lines,
        params string[] sets
    )
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(topic, partitions: 1);
        var spec = CopyFromIntegrationTests(folder, specName, "payment.avsc");

        var run = await RunAsync(
            folder,
            kafka.BootstrapServers,
            spec,
            lines,
            ["file=" + await WritePaymentsAsync(folder, lines), .. sets]
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        var messages = TopicContents.Messages(kafka.BootstrapServers, topic, 1);
        Assert.True(messages.Count == lines, run.ToString());
        return messages;
    }

    /// <summary>
    /// The road of a sink spec: copies the IntegrationTests' <paramref name="specName"/> and
    /// <paramref name="schemaName"/> into <paramref name="folder"/>, starts a fresh embedded cluster
    /// with <paramref name="topic"/> and a registry, lets <paramref name="produce"/> (given the
    /// bootstrap servers, the registry's URL and the schema's path) write the topic's records,
    /// runs the spec with its file in the folder and the registry until it took them all, checks
    /// it ended well and returns the file's path and the records' deliveries.
    /// </summary>
    public static async Task<(
        string Output,
        IReadOnlyList<DeliveryResult<Null, byte[]>> Produced
    )> RunRegisteredSinkSpecAsync(
        SpecFolder folder,
        string specName,
        string schemaName,
        string topic,
        int partitions,
        Func<string, string, string, Task<IReadOnlyList<DeliveryResult<Null, byte[]>>>> produce
    )
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic(topic, partitions);
        await using var registry = await SchemaRegistryTestServer.StartAsync();
        var spec = CopyFromIntegrationTests(folder, specName, schemaName);
        var produced = await produce(kafka.BootstrapServers, registry.Url, folder.File(schemaName));
        var output = folder.File("out.jsonl");

        var run = await RunAsync(
            folder,
            kafka.BootstrapServers,
            spec,
            produced.Count,
            "file=" + output,
            "value.converter.schema.registry.url=" + registry.Url
        );

        Assert.True(run.ExitCode == 0, run.ToString());
        return (output, produced);
    }

    /// <summary>
    /// Writes the IntegrationTests' payments input (KeyChainPipelineTests.Line: payment i, a note
    /// when i is even) to payments.jsonl; returns its path.
    /// </summary>
    public static async Task<string> WritePaymentsAsync(SpecFolder folder, int count)
    {
        var input = folder.File("payments.jsonl");
        await File.WriteAllLinesAsync(
            input,
            Enumerable.Range(0, count).Select(RegisteredPayments.Line)
        );
        return input;
    }
}

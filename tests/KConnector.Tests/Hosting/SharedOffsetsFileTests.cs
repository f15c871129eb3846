using System.Globalization;
using System.Runtime.CompilerServices;
using KConnector.Connectors;
using KConnector.Converters;
using KConnector.Hosting;
using KConnector.Kafka;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KConnector.Tests.Hosting;

/// <summary>
/// Two source connectors of one worker name the same <c>offset.storage.file.filename</c>: the
/// worker holds one store for the file, as Kafka Connect's worker holds one offset store, so both
/// connectors' offsets survive (two stores would each rewrite the file with their own only) and a
/// new worker over the file resumes both.
/// </summary>
public sealed class SharedOffsetsFileTests : IDisposable
{
    private const int Count = 40;
    private readonly string _file = Path.Combine(
        Path.GetTempPath(),
        "kconnector-shared-" + Guid.NewGuid().ToString("N") + ".offsets"
    );

    [Fact]
    public async Task TwoSources_OneOffsetsFile_BothResumeInANewWorker()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("shared-offsets", partitions: 1);

        var resumedFirst = new StrongBox<int>();
        var first = await RunAsync(
            kafka.BootstrapServers,
            resumedFirst,
            w => w.RecordsProcessed("a") >= Count && w.RecordsProcessed("b") >= Count
        );
        var resumedSecond = new StrongBox<int>();
        var second = await RunAsync(
            kafka.BootstrapServers,
            resumedSecond,
            _ => resumedSecond.Value == 2
        );

        // The first worker sent every record of both sources; the second resumed both at the end.
        Assert.Equal([Count, Count], first);
        Assert.Equal(0, resumedFirst.Value);
        Assert.Equal(2, resumedSecond.Value);
        Assert.Equal([0, 0], second);
    }

    // Runs sources "a" and "b" until done (at most 30 s), lets a wrong resend show (0.5 s), stops,
    // and returns how many records each sent.
    private async Task<long[]> RunAsync(
        string bootstrapServers,
        StrongBox<int> resumed,
        Func<ConnectWorker, bool> done
    )
    {
        var services = new ServiceCollection();
        foreach (var name in (string[])["a", "b"])
        {
            services.AddSourceConnector(
                new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?> { ["name"] = name })
                    .Build(),
                (_, _) => new CountingSource(name, resumed),
                _ => new StringConverter(),
                _ => new StringConverter()
            );
        }
        var registrations = services
            .Select(d => d.ImplementationInstance)
            .OfType<ConnectorRegistration>()
            .ToList();
        using var environment = new ConnectorEnvironment();
        await using var worker = new ConnectWorker(
            new Dictionary<string, string>
            {
                ["bootstrap.servers"] = bootstrapServers,
                ["offset.storage.file.filename"] = _file,
                ["offset.flush.interval.ms"] = "0",
            },
            registrations,
            environment
        );
        await worker.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !done(worker))
        {
            await Task.Delay(100);
        }
        await Task.Delay(500);
        await worker.StopAsync(CancellationToken.None);
        return [worker.RecordsProcessed("a"), worker.RecordsProcessed("b")];
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>Sends records 0 to Count - 1 of its own source partition, resuming after the last committed.</summary>
    private sealed class CountingSource(string name, StrongBox<int> resumed)
        : ISourceTask<string, string>
    {
        private int _next;

        public void Initialize(SourceTaskContext context)
        {
            var offset = context.OffsetStorageReader.Offset(Partition);
            if (offset is not null)
            {
                _next = int.Parse(offset["n"], CultureInfo.InvariantCulture) + 1;
                Interlocked.Increment(ref resumed.Value);
            }
        }

        private Dictionary<string, string> Partition => new() { ["source"] = name };

        public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
            CancellationToken cancellationToken
        )
        {
            var batch = new List<SourceRecord<string, string>>();
            for (; _next < Count && batch.Count < 10; _next++)
            {
                batch.Add(
                    new SourceRecord<string, string>
                    {
                        Topic = "shared-offsets",
                        Key = name,
                        Value = _next.ToString(CultureInfo.InvariantCulture),
                        SourcePartition = Partition,
                        SourceOffset = new Dictionary<string, string>
                        {
                            ["n"] = _next.ToString(CultureInfo.InvariantCulture),
                        },
                    }
                );
            }
            return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, string>>>(batch);
        }
    }
}

using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Source;
using KConnector.Connectors.Sql.Tests;
using KConnector.Offsets;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Runs the CDC task as a worker does (Initialize with the offset store, polls, CommitRecord for
/// each acknowledged record, the offsets stored, then CommitAsync), with every wait bounded. Each
/// harness has its own slot, publication and topic prefix, so tests on one server do not meet.
/// </summary>
/// <typeparam name="TValue">The task's value type: string (Debezium's JSON), or a typed change record.</typeparam>
internal class CdcHarness<TValue> : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly PostgreSqlServer _server;
    private readonly Dictionary<string, string?> _config;
    private PostgresCdcTask<TValue>? _task;

    public CdcHarness(
        PostgreSqlServer server,
        string name,
        IReadOnlyDictionary<string, string?>? extra = null,
        MemoryOffsetBackingStore? offsets = null
    )
    {
        _server = server;
        Name = name;
        Offsets = offsets ?? new MemoryOffsetBackingStore();
        _config = new Dictionary<string, string?>
        {
            ["name"] = name,
            ["database.hostname"] = "127.0.0.1",
            ["database.port"] = server.Port.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            ),
            ["database.user"] = server.User,
            ["database.dbname"] = server.Database,
            ["topic.prefix"] = name,
            ["slot.name"] = name,
            ["publication.name"] = name,
            ["poll.interval.ms"] = "100",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            _config[key] = value;
        }
    }

    public string Name { get; }

    public MemoryOffsetBackingStore Offsets { get; }

    /// <summary>Every record polled so far, in poll order.</summary>
    public List<SourceRecord<string, TValue>> Polled { get; } = [];

    public PostgresCdcTask<TValue> Start()
    {
        _task = new PostgresCdcTask<TValue>(PostgresCdcOptions.Parse(_config));
        _task.Initialize(new SourceTaskContext(Name, 0, new OffsetStorageReader(Offsets, Name)));
        return _task;
    }

    /// <summary>Polls until <paramref name="count"/> more records came (or the deadline), without acknowledging them.</summary>
    public async Task<List<SourceRecord<string, TValue>>> PollAsync(int count)
    {
        var task = _task ?? Start();
        var got = new List<SourceRecord<string, TValue>>();
        var started = DateTime.UtcNow;
        while (got.Count < count && DateTime.UtcNow - started < Deadline)
        {
            got.AddRange(await task.PollAsync(CancellationToken.None));
        }
        Polled.AddRange(got);
        Assert.True(
            got.Count >= count,
            $"expected {count} records within {Deadline}, got {got.Count}"
        );
        return got;
    }

    /// <summary>Starts the task and polls until its slot streams (changes made from now on are captured).</summary>
    public async Task StreamingAsync()
    {
        _task ??= Start();
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < Deadline)
        {
            Polled.AddRange(await _task.PollAsync(CancellationToken.None));
            if (
                await _server.ScalarAsync(
                    $"SELECT active FROM pg_replication_slots WHERE slot_name = '{Name}'"
                )
                is true
            )
            {
                return;
            }
        }
        Assert.Fail($"slot {Name} did not stream within {Deadline}");
    }

    /// <summary>Polls once more for a while and returns what came (to show nothing more comes).</summary>
    public async Task<List<SourceRecord<string, TValue>>> PollRestAsync(TimeSpan time)
    {
        var got = new List<SourceRecord<string, TValue>>();
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < time)
        {
            got.AddRange(await _task!.PollAsync(CancellationToken.None));
        }
        Polled.AddRange(got);
        return got;
    }

    /// <summary>What the worker does when Kafka acknowledged <paramref name="records"/> and the offsets flush.</summary>
    public async Task AcknowledgeAsync(IEnumerable<SourceRecord<string, TValue>> records)
    {
        foreach (var record in records)
        {
            _task!.CommitRecord(record, null);
            if (record.SourcePartition is { } partition && record.SourceOffset is { } offset)
            {
                await Offsets.SetAsync(
                    [new(OffsetJson.Key(Name, partition), OffsetJson.Map(offset))],
                    CancellationToken.None
                );
            }
        }
        await _task!.CommitAsync(CancellationToken.None);
    }

    /// <summary>The slot's confirmed_flush_lsn as a number.</summary>
    public async Task<ulong> ConfirmedFlushAsync()
    {
        var text = (string?)
            await _server.ScalarAsync(
                $"SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '{Name}'"
            );
        var parts = text!.Split('/');
        return (Convert.ToUInt64(parts[0], 16) << 32) + Convert.ToUInt64(parts[1], 16);
    }

    public async Task StopAsync()
    {
        if (_task is not null)
        {
            await _task.DisposeAsync();
            _task = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _server.ExecuteAsync(
            $"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '{Name}' AND NOT active"
        );
    }
}

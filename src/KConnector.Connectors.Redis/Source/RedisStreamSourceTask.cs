using System.Collections.Concurrent;
using KConnector.Connectors.Redis.Client;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Source;

/// <summary>
/// Reads a Redis stream through a consumer group (XREADGROUP), as redis-kafka-connect's stream
/// source: each entry one record (its fields matched to the value's fields by name, its id the key
/// and the source offset), acknowledged (XACK) only once Kafka has it (<see cref="CommitRecord"/>).
/// A restarted task first reads its consumer's pending entries (read before, never acknowledged):
/// those at or before the committed source offset are in Kafka already and are only acknowledged,
/// the later ones are produced again. So every entry reaches Kafka at least once, even after a
/// SIGKILL; duplicates are limited to entries in flight when the task died.
/// </summary>
/// <typeparam name="TValue">A generated record type.</typeparam>
public sealed partial class RedisStreamSourceTask<TValue>
    : ISourceTask<string, TValue>,
        IAsyncDisposable
{
    private const string OffsetKey = "offset";
    private readonly RedisStreamSourceOptions _options;
    private readonly RecordAccessor<TValue> _accessor;
    private readonly RedisClient _client;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<RedisValue> _delivered = new();
    private readonly Dictionary<string, string> _partition;
    private string _consumer;
    private StreamEntryId? _committed;
    private RedisValue? _pendingCursor = "0";
    private bool _groupReady;

    /// <summary>Creates the task; it connects on the first poll.</summary>
    public RedisStreamSourceTask(
        RedisStreamSourceOptions options,
        RecordAccessor<TValue> value,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(value);
        _options = options;
        _accessor = value;
        _client = new RedisClient(options.Connection);
        _logger = logger ?? NullLogger.Instance;
        _partition = new Dictionary<string, string> { ["stream"] = options.Stream };
        _consumer = ConsumerName(0);
    }

    /// <summary>Entries acknowledged (XACK) so far.</summary>
    public long EntriesAcknowledged { get; private set; }

    /// <inheritdoc />
    public void Initialize(SourceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _consumer = ConsumerName(context.TaskId);
        var stored = context.OffsetStorageReader.Offset(_partition);
        _committed = StreamEntryId.Parse(stored?.GetValueOrDefault(OffsetKey));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SourceRecord<string, TValue>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        StreamEntry[] entries;
        try
        {
            var database = await _client.DatabaseAsync().ConfigureAwait(false);
            await AcknowledgeDeliveredAsync(database).ConfigureAwait(false);
            if (!_groupReady)
            {
                await EnsureGroupAsync(database).ConfigureAwait(false);
            }
            entries = await ReadAsync(database).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            LogUnavailable(_logger, _client.Endpoint, _options.Stream);
            throw _client.Unavailable(e, $"reading stream '{_options.Stream}'");
        }
        if (entries.Length == 0)
        {
            await Task.Delay(_options.Block, cancellationToken).ConfigureAwait(false);
            return [];
        }
        return entries.Select(ToRecord).ToList();
    }

    /// <summary>Kafka has the entry (or it was dead-lettered): acknowledge it at the next poll or commit.</summary>
    public void CommitRecord(SourceRecord<string, TValue> record, RecordMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.SourceOffset?.GetValueOrDefault(OffsetKey) is { } id)
        {
            _delivered.Enqueue(id);
        }
    }

    /// <inheritdoc />
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AcknowledgeDeliveredAsync(await _client.DatabaseAsync().ConfigureAwait(false))
                .ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            // Left pending in the group: acknowledged at a later poll, or skipped by the committed offset after a restart.
            LogUnavailable(_logger, _client.Endpoint, _options.Stream);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task AcknowledgeDeliveredAsync(IDatabase database)
    {
        var ids = new List<RedisValue>();
        while (ids.Count < 1000 && _delivered.TryDequeue(out var id))
        {
            ids.Add(id);
        }
        if (ids.Count == 0)
        {
            return;
        }
        try
        {
            await database
                .StreamAcknowledgeAsync(_options.Stream, _options.ConsumerGroup, ids.ToArray())
                .ConfigureAwait(false);
            EntriesAcknowledged += ids.Count;
        }
        catch
        {
            ids.ForEach(_delivered.Enqueue);
            throw;
        }
    }

    private async Task EnsureGroupAsync(IDatabase database)
    {
        // A group made anew (first run, or deleted) starts after the committed offset when there is one.
        var start = _committed is { } committed
            ? $"{committed.Milliseconds}-{committed.Sequence}"
            : _options.StartOffset;
        try
        {
            await database
                .StreamCreateConsumerGroupAsync(
                    _options.Stream,
                    _options.ConsumerGroup,
                    start,
                    createStream: true
                )
                .ConfigureAwait(false);
        }
        catch (RedisServerException e)
            when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: it remembers what it delivered.
        }
        _groupReady = true;
    }

    private async Task<StreamEntry[]> ReadAsync(IDatabase database)
    {
        if (_pendingCursor is { } cursor)
        {
            var pending = await database
                .StreamReadGroupAsync(
                    _options.Stream,
                    _options.ConsumerGroup,
                    _consumer,
                    cursor,
                    _options.BatchSize
                )
                .ConfigureAwait(false);
            if (pending.Length > 0)
            {
                _pendingCursor = pending[^1].Id;
                return await SkipDeliveredAsync(database, pending).ConfigureAwait(false);
            }
            _pendingCursor = null;
        }
        return await database
            .StreamReadGroupAsync(
                _options.Stream,
                _options.ConsumerGroup,
                _consumer,
                StreamPosition.NewMessages,
                _options.BatchSize
            )
            .ConfigureAwait(false);
    }

    // Pending entries at or before the committed offset are in Kafka: acknowledge, do not produce again.
    // A pending entry deleted from the stream (no fields) has nothing to produce either.
    private async Task<StreamEntry[]> SkipDeliveredAsync(IDatabase database, StreamEntry[] pending)
    {
        var done = pending
            .Where(e => e.IsNull || e.Values.Length == 0 || IsCommitted(e.Id))
            .Select(e => e.Id)
            .ToArray();
        if (done.Length > 0)
        {
            await database
                .StreamAcknowledgeAsync(_options.Stream, _options.ConsumerGroup, done)
                .ConfigureAwait(false);
            EntriesAcknowledged += done.Length;
        }
        return pending.Where(e => !done.Contains(e.Id)).ToArray();
    }

    private bool IsCommitted(RedisValue id) =>
        _committed is { } committed
        && StreamEntryId.Parse(id) is { } entry
        && entry.CompareTo(committed) <= 0;

    private SourceRecord<string, TValue> ToRecord(StreamEntry entry)
    {
        var id = entry.Id.ToString();
        var offset = new SingleEntryOffset(OffsetKey, id);
        var shape = _accessor.Shape;
        var values = new object?[shape.Fields.Count];
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                var field = shape.Fields[i];
                var raw = entry[field.Name];
                values[i] = FieldValue.Coerce(
                    raw.IsNull ? null
                        : field.Type == FieldType.Bytes ? (byte[]?)raw
                        : (string?)raw,
                    field
                );
            }
        }
        catch (FormatException e)
        {
            return SourceRecord<string, TValue>.Unreadable(
                _options.Topic,
                System.Text.Encoding.UTF8.GetBytes(
                    string.Join(' ', entry.Values.Select(v => $"{v.Name}={v.Value}"))
                ),
                _partition,
                offset,
                new FormatException($"entry {id} of stream '{_options.Stream}': {e.Message}", e),
                System.Text.Encoding.UTF8.GetBytes(id)
            );
        }
        return new SourceRecord<string, TValue>
        {
            Topic = _options.Topic,
            Key = id,
            Value = _accessor.Create(values),
            Timestamp = StreamEntryId.Parse(id)?.Timestamp,
            SourcePartition = _partition,
            SourceOffset = offset,
        };
    }

    private string ConsumerName(int task) =>
        _options.ConsumerName.Replace(
            "${task}",
            task.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal
        );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Redis at {Endpoint} is unavailable: stream '{Stream}' will be read again after a backoff"
    )]
    private static partial void LogUnavailable(ILogger logger, string endpoint, string stream);
}

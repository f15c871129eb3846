using KConnector.Connectors.Redis.Client;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Shapes;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace KConnector.Connectors.Redis.Sink;

/// <summary>
/// Writes records to Redis as redis-kafka-connect's sink does: each record one SET, HSET or XADD
/// (a tombstone a DEL), a whole put sent as one pipelined batch and awaited, so that when a put
/// returns Redis has acknowledged every record and the worker may commit their offsets. A command
/// Redis refuses for the record's content (WRONGTYPE) rejects that record alone, for
/// errors.tolerance and the dead-letter queue; Redis unreachable fails the whole put with a
/// retriable <see cref="DependencyUnavailableException"/> (never a record error), so the worker
/// backs off and puts the batch again until errors.retry.timeout. Delivery is at least once:
/// SET, HSET and DEL repeat harmlessly, a repeated XADD adds a second entry.
/// </summary>
/// <typeparam name="TKey">The record key type.</typeparam>
/// <typeparam name="TValue">The record value type.</typeparam>
public sealed partial class RedisSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>, IAsyncDisposable
{
    private readonly RedisSinkOptions _options;
    private readonly RedisClient _client;
    private readonly RedisRecordFields<TKey> _keys;
    private readonly RedisRecordFields<TValue> _values;
    private readonly ILogger _logger;

    /// <summary>Creates the task; it connects on the first put.</summary>
    /// <exception cref="ConfigException">HSET or XADD with a value that has no fields.</exception>
    public RedisSinkTask(
        RedisSinkOptions options,
        RecordAccessor<TKey>? key,
        RecordAccessor<TValue> value,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _keys = new RedisRecordFields<TKey>(key);
        _values = new RedisRecordFields<TValue>(value);
        if (options.Command != RedisSinkCommand.Set && !_values.IsRecord)
        {
            throw new ConfigException(
                "redis.command",
                $"{Name(options.Command)} writes a record's fields, but the value type {typeof(TValue).Name} has none: give the spec a value schema (a record) or use SET"
            );
        }
        _client = new RedisClient(options.Connection);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Commands Redis acknowledged so far.</summary>
    public long CommandsWritten { get; private set; }

    /// <inheritdoc />
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        var result = await TryPutAsync(records, cancellationToken).ConfigureAwait(false);
        if (result.Rejections.Count > 0)
        {
            throw result.Rejections[0].Error;
        }
    }

    /// <inheritdoc />
    public async ValueTask<PutResult> TryPutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var database = await _client.DatabaseAsync().ConfigureAwait(false);
        var batch = database.CreateBatch();
        var sent = new Task?[records.Count];
        var keys = new string?[records.Count];
        var rejections = new List<RecordRejection>();
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                keys[i] = KeyOf(records[i]);
                sent[i] = Queue(batch, keys[i]!, records[i]);
            }
            catch (Exception e) when (e is ConnectException or FormatException)
            {
                rejections.Add(new RecordRejection(i, e));
            }
            catch (Exception e) when (RedisFailure.IsUnavailable(e))
            {
                // Disconnected: the client refuses commands at once (BacklogPolicy.FailFast).
                LogUnavailable(_logger, _client.Endpoint, records.Count);
                throw _client.Unavailable(e, $"writing a batch of {records.Count} records");
            }
        }
        Exception? unavailable = null;
        try
        {
            batch.Execute();
        }
        catch (Exception e) when (RedisFailure.IsUnavailable(e))
        {
            unavailable = e;
        }
        for (var i = 0; i < sent.Length; i++)
        {
            if (sent[i] is not { } command)
            {
                continue;
            }
            try
            {
                await command.WaitAsync(cancellationToken).ConfigureAwait(false);
                CommandsWritten++;
            }
            catch (Exception e) when (RedisFailure.IsUnavailable(e))
            {
                unavailable ??= e;
            }
            catch (RedisException e)
            {
                rejections.Add(new RecordRejection(i, Refused(keys[i]!, e)));
            }
        }
        if (unavailable is not null)
        {
            LogUnavailable(_logger, _client.Endpoint, records.Count);
            throw _client.Unavailable(unavailable, $"writing a batch of {records.Count} records");
        }
        return PutResult.Reject(rejections);
    }

    /// <summary>Nothing is buffered: every put has been acknowledged by the time it returns.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private Task Queue(IBatch batch, string key, SinkRecord<TKey, TValue> record)
    {
        if (record.Value is null)
        {
            // A tombstone deletes what the record's key wrote; a stream entry has no key to delete.
            return _options.Command == RedisSinkCommand.Xadd
                ? Task.CompletedTask
                : batch.KeyDeleteAsync(key);
        }
        var ttl = _options.KeyTtl > TimeSpan.Zero ? _options.KeyTtl : (TimeSpan?)null;
        switch (_options.Command)
        {
            case RedisSinkCommand.Set:
                return ttl is { } expiry
                    ? batch.StringSetAsync(key, _values.Value(record.Value), new Expiration(expiry))
                    : batch.StringSetAsync(key, _values.Value(record.Value));
            case RedisSinkCommand.Hset:
                var fields = _values.Fields(record.Value);
                var hset = batch.HashSetAsync(
                    key,
                    fields.Select(f => new HashEntry(f.Name, f.Value)).ToArray()
                );
                return ttl is null ? hset : Task.WhenAll(hset, batch.KeyExpireAsync(key, ttl));
            default:
                return batch.StreamAddAsync(
                    key,
                    _values
                        .Fields(record.Value)
                        .Select(f => new NameValueEntry(f.Name, f.Value))
                        .ToArray()
                );
        }
    }

    // redis-kafka-connect's keys: <keyspace><separator><record key>, or the keyspace alone for a stream.
    private string KeyOf(SinkRecord<TKey, TValue> record)
    {
        var keyspace = _options.Keyspace.Replace(
            "${topic}",
            record.Topic,
            StringComparison.Ordinal
        );
        if (_options.Command == RedisSinkCommand.Xadd)
        {
            return keyspace;
        }
        if (record.Key is null)
        {
            throw new ConnectException(
                Stage.TASK_PUT,
                $"{Name(_options.Command)} needs the record key for the Redis key, but record {record.Topic}-{record.Partition}@{record.Offset} has none"
            );
        }
        var key = _keys.Text(record.Key, _options.Separator);
        return keyspace + _options.Separator + key;
    }

    private ConnectException Refused(string key, RedisException error) =>
        new(
            Stage.TASK_PUT,
            $"Redis refused {Name(_options.Command)} of key '{key}': {_client.Scrub(error.Message)}"
        );

    private static string Name(RedisSinkCommand command) => command.ToString().ToUpperInvariant();

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Redis at {Endpoint} is unavailable: the put of {Count} records will be tried again"
    )]
    private static partial void LogUnavailable(ILogger logger, string endpoint, int count);
}

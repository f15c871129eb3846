using System.Threading.Channels;
using KConnector.Connectors.PostgreSql.Avro;
using KConnector.Connectors.PostgreSql.Configuration;
using KConnector.Connectors.PostgreSql.Events;
using KConnector.Connectors.PostgreSql.Replication;
using KConnector.Connectors.PostgreSql.Typed;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NpgsqlTypes;

namespace KConnector.Connectors.PostgreSql.Source;

/// <summary>
/// Debezium's PostgreSQL connector task: an initial snapshot consistent with the slot's start,
/// then every insert, update, delete and truncate of the captured tables in commit order, each as
/// Debezium's envelope on <c>topic.prefix.schema.table</c>, keyed by the primary key. The slot's
/// confirmed position moves only to the end of a transaction Kafka acknowledged entirely (and every
/// one before it), so a crash at any moment loses nothing: the server sends again what follows, and
/// the stored offset skips what Kafka already has.
/// </summary>
/// <typeparam name="TValue"><see cref="string"/>: keys and values are the JSON text of Debezium's events (StringConverter writes it as is);
/// or <see cref="ChangeRecord"/>: values go to AvroConverter, which registers each table's envelope schema;
/// or <see cref="DeclaredChangeRecord{TTables}"/>: as ChangeRecord, with the rows of declared tables written with their declared records.</typeparam>
public sealed class PostgresCdcTask<TValue>
    : ISourceTask<string, TValue>,
        IAsyncDisposable,
        IDisposable
{
    private readonly PostgresCdcOptions _options;
    private readonly ILogger _logger;
    private readonly EnvelopeWriter _envelope;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, string> _partition;
    private readonly AcknowledgedPositions _acknowledged = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ChangeEvent> _events;
    private readonly ChangeStream _stream;
    private readonly DeclaredBinding<TValue>.Binding? _declared;
    private IReadOnlyDictionary<string, string>? _stored;
    private Task? _pump;
    private ulong _confirmed;

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="logger">Where progress is logged; never given the password.</param>
    /// <param name="time">The clock of the envelope's ts_ms.</param>
    /// <exception cref="ConfigException"><typeparamref name="TValue"/> is neither string nor ChangeRecord.</exception>
    public PostgresCdcTask(
        PostgresCdcOptions options,
        ILogger? logger = null,
        TimeProvider? time = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        _declared =
            typeof(TValue) == typeof(string) || typeof(TValue) == typeof(ChangeRecord)
                ? null
                : DeclaredBinding<TValue>.Find()
                    ?? throw new ConfigException(
                        $"The PostgreSQL CDC source writes Debezium's events as JSON text (value type string, value.converter=org.apache.kafka.connect.storage.StringConverter) or through io.confluent.connect.avro.AvroConverter (value type {nameof(ChangeRecord)}, or DeclaredChangeRecord<T> of a spec's table.value.schemas), not as {typeof(TValue).Name}."
                    );
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _envelope = new EnvelopeWriter(
            options.TopicPrefix,
            options.Database,
            options.SchemasEnable,
            _time
        );
        _partition = CdcOffset.Partition(options.TopicPrefix);
        _events = Channel.CreateBounded<ChangeEvent>(
            new BoundedChannelOptions(options.MaxQueueSize)
            {
                SingleReader = true,
                // The log reader, and the heartbeats between its messages.
                SingleWriter = false,
            }
        );
        _stream = new ChangeStream(options, _logger);
    }

    /// <inheritdoc />
    public void Initialize(SourceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _stored = context.OffsetStorageReader.Offset(_partition);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SourceRecord<string, TValue>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        _pump ??= Task.Run(
            () => _stream.RunAsync(_stored, _events.Writer, _stop.Token),
            CancellationToken.None
        );
        var reader = _events.Reader;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(_options.PollIntervalMs);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                {
                    // initial_only: the snapshot is done and nothing streams.
                    await Task.Delay(_options.PollIntervalMs, cancellationToken)
                        .ConfigureAwait(false);
                    return [];
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return [];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw _stream.Failure(e);
            }
        }
        var records = new List<SourceRecord<string, TValue>>();
        while (records.Count < _options.MaxBatchSize && reader.TryRead(out var change))
        {
            Add(change, records);
        }
        return records;
    }

    private void Add(ChangeEvent change, List<SourceRecord<string, TValue>> records)
    {
        if (change.IsTransactionEnd)
        {
            _acknowledged.AddTransactionEnd(change.Position.Lsn);
            return;
        }
        if (change.IsHeartbeat)
        {
            AddHeartbeat(change, records);
            return;
        }
        if (_options.SkippedOperations.Contains(EnvelopeWriter.OpCode(change.Operation)))
        {
            return;
        }
        var table = change.Table!;
        CheckDeclared(table);
        var key =
            change.Operation == ChangeOperation.Truncate
                ? null
                : _envelope.Key(table, change.After ?? change.Before);
        var offset = CdcOffset.Of(change.Position);
        var record = new SourceRecord<string, TValue>
        {
            Topic = table.Topic,
            Key = key,
            Value = ValueOf(change, table.Topic),
            SourcePartition = _partition,
            SourceOffset = offset,
        };
        records.Add(record);
        if (
            change.Operation == ChangeOperation.Delete
            && _options.TombstonesOnDelete
            && key is not null
        )
        {
            // Debezium's tombstone: the deleted row's key and a null value, for log compaction.
            var tombstone = record with
            {
                Value = default,
            };
            records.Add(tombstone);
            _acknowledged.AddRecords([record, tombstone]);
        }
        else
        {
            _acknowledged.AddRecords([record]);
        }
    }

    // A table shape (each relation message makes one) is checked against its declared row record
    // once, before its first change leaves the task: a column the record cannot hold fails the
    // poll, so nothing past it is acknowledged and the slot stays before it.
    private void CheckDeclared(CapturedTable table)
    {
        if (_declared is null || table.DeclaredRowChecked)
        {
            return;
        }
        var declared = _declared.Tables.FirstOrDefault(t =>
            t.Schema == table.Schema && t.Table == table.Name
        );
        table.DeclaredRow = declared is null ? null : DeclaredRowPlan.Check(table, declared);
        table.DeclaredRowChecked = true;
    }

    // Debezium's heartbeat: {serverName} key, {ts_ms} value; once Kafka has it and every record
    // before it, the slot is confirmed to the server position it carries.
    private void AddHeartbeat(ChangeEvent heartbeat, List<SourceRecord<string, TValue>> records)
    {
        var record = new SourceRecord<string, TValue>
        {
            Topic = _options.HeartbeatTopic,
            Key = _envelope.HeartbeatKey(),
            Value = ValueOf(heartbeat, _options.HeartbeatTopic),
            SourcePartition = _partition,
            SourceOffset = CdcOffset.Of(heartbeat.Position),
        };
        records.Add(record);
        _acknowledged.AddRecords([record]);
        _acknowledged.AddTransactionEnd(heartbeat.Position.Lsn);
    }

    private TValue ValueOf(ChangeEvent change, string topic)
    {
        if (typeof(TValue) == typeof(string))
        {
            return (TValue)(object)_envelope.Value(change);
        }
        var record = new ChangeRecord(
            change,
            topic,
            _options.TopicPrefix,
            _options.Database,
            _time.GetUtcNow()
        );
        return _declared is null ? (TValue)(object)record : _declared.Wrap(record);
    }

    /// <inheritdoc />
    public void CommitRecord(SourceRecord<string, TValue> record, RecordMetadata? metadata) =>
        _acknowledged.Acknowledge(record);

    /// <summary>
    /// After the worker stored the offsets: confirms to the slot the end of the last transaction
    /// Kafka holds entirely, so the server may recycle the WAL before it (Debezium's
    /// <c>commit()</c> flushes the LSN the same way, after the offsets).
    /// </summary>
    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        var confirmable = _acknowledged.Confirmable;
        if (confirmable > _confirmed)
        {
            if (
                await _stream
                    .ConfirmAsync(new NpgsqlLogSequenceNumber(confirmable), cancellationToken)
                    .ConfigureAwait(false)
            )
            {
                _confirmed = confirmable;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }
        await _stream.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Stops streaming and closes the connections.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

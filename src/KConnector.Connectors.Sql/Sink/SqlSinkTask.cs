using System.Data.Common;
using KConnector.Connectors.Errors;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Dialects;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// Writes records to a SQL table, as Confluent's JDBC sink connector (<c>JdbcSinkTask</c>):
/// insert.mode insert/upsert/update, pk.mode, auto.create, auto.evolve, delete.enabled.
/// each put is written and committed in one transaction before it returns (as <c>JdbcDbWriter</c>),
/// so a committed Kafka offset never points past rows that are not committed in the database:
/// at-least-once delivery, effectively exactly-once with insert.mode=upsert (replays rewrite the
/// same rows). Records the database refuses for their content are rejected one by one
/// (<see cref="TryPutAsync"/>) for errors.tolerance and the dead-letter queue.
/// </summary>
/// <typeparam name="TKey">The key type: a generated record or a primitive.</typeparam>
/// <typeparam name="TValue">The value type: a generated record.</typeparam>
public sealed class SqlSinkTask<TKey, TValue>
    : ISinkTask<TKey, TValue>,
        IAsyncDisposable,
        IDisposable
{
    private readonly SqlSinkOptions _options;
    private readonly SqlConnectionUrl _url;
    private readonly ILogger _logger;
    private readonly SqlTransactionWriter<TKey, TValue> _writer;

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="value">Reads the value's fields (e.g. <c>new AvroRecordAccessor&lt;Order&gt;()</c>).</param>
    /// <param name="key">Reads the key's fields; needed for pk.mode=record_key (e.g. <c>new PrimitiveRecordAccessor&lt;string&gt;("id")</c>).</param>
    /// <param name="logger">Where table creation and evolution are logged; never given secrets.</param>
    public SqlSinkTask(
        SqlSinkOptions options,
        RecordAccessor<TValue> value,
        RecordAccessor<TKey>? key = null,
        ILogger? logger = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(value);
        _options = options;
        _url = SqlConnectionUrl.Parse(
            options.ConnectionUrl,
            options.ConnectionUser,
            options.ConnectionPassword?.Value
        );
        _logger = logger ?? NullLogger.Instance;
        var layout = SqlTableLayout.Create(
            options,
            key?.Shape,
            value.Shape,
            key is PrimitiveRecordAccessor<TKey>
        );
        _writer = new SqlTransactionWriter<TKey, TValue>(
            options,
            _url,
            layout,
            new SqlRecordRow<TKey, TValue>(_url.Dialect, layout, value, key),
            _logger
        );
    }

    /// <summary>The dialect chosen from connection.url.</summary>
    public SqlDialect Dialect => _url.Dialect;

    /// <summary>Records written and committed so far.</summary>
    public long RecordsCommitted { get; private set; }

    /// <summary>
    /// Writes the records, as <see cref="TryPutAsync"/>, and throws what it would report: a
    /// <see cref="RetriableException"/> when the database could not be reached, a
    /// <see cref="SinkRecordsFailedException"/> naming the records it refused.
    /// </summary>
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        var result = await TryPutAsync(records, cancellationToken).ConfigureAwait(false);
        if (result.Rejections.FirstOrDefault(r => r.Error is RetriableException) is { } retry)
        {
            throw retry.Error;
        }
        var failed = result
            .Rejections.Select(r => new FailedRecord(
                records[r.Index].Topic,
                records[r.Index].Partition,
                records[r.Index].Offset,
                r.Error.Message
            ))
            .ToList();
        SinkRecordsFailedException.ThrowIfAny("SQL sink", failed, records.Count);
    }

    /// <summary>
    /// Writes every record of the put in one transaction, as Confluent's <c>JdbcDbWriter</c>
    /// (statements sent batch.size at a time), so a put is committed or rolled back as a whole and
    /// a put the worker retries writes nothing twice. A record the database refuses for its own
    /// content (SQLSTATE class 22 or 23: a constraint, a value out of range) is rejected alone: with
    /// errors.tolerance=all the batch is written again one record per transaction and only the
    /// refused records are rejected (they go to the dead-letter queue); a batch of one is that
    /// record. A database that cannot be reached is retried max.retries times, then reported as a
    /// <see cref="RetriableException"/> (the worker backs off until errors.retry.timeout): never a
    /// record's fault. Any other error fails the put, rolled back.
    /// </summary>
    public async ValueTask<PutResult> TryPutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        var rejections = new List<RecordRejection>();
        var valid = new List<SinkRecord<TKey, TValue>>(records.Count);
        var positions = new List<int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (Refusal(records[i]) is { } refusal)
            {
                rejections.Add(new RecordRejection(i, refusal));
                continue;
            }
            valid.Add(records[i]);
            positions.Add(i);
        }
        if (valid.Count > 0)
        {
            var failed = await WriteAsync(valid, cancellationToken).ConfigureAwait(false);
            rejections.AddRange(failed.Select(r => r with { Index = positions[r.Index] }));
        }
        return PutResult.Reject(rejections.OrderBy(r => r.Index));
    }

    /// <summary>Nothing to do: every put is committed before it returns.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _writer.Dispose();

    // JdbcSinkTask's RecordValidator, per record: a record that cannot be written as it is.
    private ConnectException? Refusal(SinkRecord<TKey, TValue> record)
    {
        if (record.Value is null && !_options.DeleteEnabled)
        {
            return new ConnectException(
                Stage.TASK_PUT,
                $"SQL sink: record {record.Topic}-{record.Partition}@{record.Offset} has a null value (a tombstone) and delete.enabled is false"
            );
        }
        if (_options.PrimaryKeyMode == PrimaryKeyMode.RecordKey && record.Key is null)
        {
            return new ConnectException(
                Stage.TASK_PUT,
                $"SQL sink: record {record.Topic}-{record.Partition}@{record.Offset} has a null key but pk.mode is record_key"
            );
        }
        return null;
    }

    private async Task<List<RecordRejection>> WriteAsync(
        List<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _writer
                    .WriteAsync(records, 0, records.Count, cancellationToken)
                    .ConfigureAwait(false);
                RecordsCommitted += records.Count;
                return [];
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                await _writer.ResetAsync().ConfigureAwait(false);
                if (attempt >= _options.MaxRetries)
                {
                    throw Unavailable(records.Count, e);
                }
                // JdbcSinkTask retries a failed write max.retries times after retry.backoff.ms.
                _logger.LogWarning(
                    "SQL sink: writing {Count} records to {Database} failed ({Error}); retry {Attempt} of {MaxRetries} in {Backoff} ms",
                    records.Count,
                    _url.Database,
                    e.Message,
                    attempt + 1,
                    _options.MaxRetries,
                    _options.RetryBackoffMs
                );
                await Task.Delay(_options.RetryBackoffMs, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
                when (Dialect.IsRecordFault(e)
                    && (_options.ErrorsToleranceAll || records.Count == 1)
                )
            {
                await _writer.ResetAsync().ConfigureAwait(false);
                if (records.Count > 1)
                {
                    _logger.LogWarning(
                        "SQL sink: a batch of {Count} records failed in {Database} ({Error}); writing them one by one to find the refused records",
                        records.Count,
                        _url.Database,
                        e.Message
                    );
                }
                return await UnrollAsync(records, records.Count == 1 ? e : null, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (DbException e)
            {
                await _writer.ResetAsync().ConfigureAwait(false);
                var first = records[0];
                var last = records[^1];
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: writing {records.Count} records ({first.Topic}-{first.Partition}@{first.Offset} .. {last.Topic}-{last.Partition}@{last.Offset}) failed in {_url.Database} and was rolled back: {e.Message}",
                    e
                );
            }
        }
    }

    /// <summary>
    /// As the JDBC sink's <c>unrollAndRetry</c> with an errant-record reporter: each record of a
    /// failed batch in its own transaction. A record the database refuses is rejected; once the
    /// database cannot be reached, that record and the rest are rejected as retriable (the worker
    /// puts only them again); any other error fails the put (records written so far stay written).
    /// </summary>
    private async Task<List<RecordRejection>> UnrollAsync(
        List<SinkRecord<TKey, TValue>> records,
        DbException? knownFailure,
        CancellationToken cancellationToken
    )
    {
        var rejections = new List<RecordRejection>();
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                if (knownFailure is not null)
                {
                    throw knownFailure;
                }
                await _writer.WriteAsync(records, i, 1, cancellationToken).ConfigureAwait(false);
                RecordsCommitted++;
            }
            catch (DbException e) when (Dialect.IsRecordFault(e))
            {
                knownFailure = null;
                rejections.Add(new RecordRejection(i, Refused(records[i], e)));
                await _writer.ResetAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                await _writer.ResetAsync().ConfigureAwait(false);
                var unavailable = Unavailable(records.Count - i, e);
                for (var rest = i; rest < records.Count; rest++)
                {
                    rejections.Add(new RecordRejection(rest, unavailable));
                }
                return rejections;
            }
            catch (DbException e)
            {
                await _writer.ResetAsync().ConfigureAwait(false);
                var record = records[i];
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: writing record {record.Topic}-{record.Partition}@{record.Offset} failed in {_url.Database}: {e.Message}",
                    e
                )
                {
                    Topic = record.Topic,
                    Partition = record.Partition,
                    Offset = record.Offset,
                };
            }
        }
        return rejections;
    }

    private ConnectException Refused(SinkRecord<TKey, TValue> record, DbException error) =>
        new(
            Stage.TASK_PUT,
            $"SQL sink: {_url.Database} refused record {record.Topic}-{record.Partition}@{record.Offset}: {error.Message}",
            error
        );

    private RetriableException Unavailable(int count, Exception error) =>
        new(
            $"SQL sink: {_url.Database} could not be reached to write {count} records after {_options.MaxRetries + 1} attempts: {error.Message}",
            error
        );

    // The target's fault, never the record's: the connection failed, timed out or was dropped.
    private static bool IsUnavailable(Exception error) =>
        error
            is DbException { IsTransient: true }
                or TimeoutException
                or System.Net.Sockets.SocketException
                or IOException
                or SqlConnectionFailedException;
}

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
    private readonly RecordAccessor<TValue> _value;
    private readonly RecordAccessor<TKey>? _key;
    private readonly SqlTableLayout _layout;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SqlTableState> _tables = new(StringComparer.Ordinal);
    private readonly object?[] _valueValues;
    private readonly object?[] _keyValues;
    private readonly object?[] _row;
    private DbConnection? _connection;

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
        _value = value;
        _key = key;
        _logger = logger ?? NullLogger.Instance;
        _layout = SqlTableLayout.Create(
            options,
            key?.Shape,
            value.Shape,
            key is PrimitiveRecordAccessor<TKey>
        );
        _valueValues = new object?[value.Shape.Fields.Count];
        _keyValues = new object?[key?.Shape.Fields.Count ?? 0];
        _row = new object?[_layout.Columns.Count];
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
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

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
                await WriteOnceAsync(records, 0, records.Count, cancellationToken)
                    .ConfigureAwait(false);
                RecordsCommitted += records.Count;
                return [];
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                await ResetAsync().ConfigureAwait(false);
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
                await ResetAsync().ConfigureAwait(false);
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
                await ResetAsync().ConfigureAwait(false);
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
                await WriteOnceAsync(records, i, 1, cancellationToken).ConfigureAwait(false);
                RecordsCommitted++;
            }
            catch (DbException e) when (Dialect.IsRecordFault(e))
            {
                knownFailure = null;
                rejections.Add(new RecordRejection(i, Refused(records[i], e)));
                await ResetAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (IsUnavailable(e))
            {
                await ResetAsync().ConfigureAwait(false);
                var unavailable = Unavailable(records.Count - i, e);
                for (var rest = i; rest < records.Count; rest++)
                {
                    rejections.Add(new RecordRejection(rest, unavailable));
                }
                return rejections;
            }
            catch (DbException e)
            {
                await ResetAsync().ConfigureAwait(false);
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

    private async ValueTask ResetAsync()
    {
        // A rolled-back transaction may have rolled back a CREATE TABLE too: look again.
        await DisposeAsync().ConfigureAwait(false);
        _tables.Clear();
    }

    private async Task WriteOnceAsync(
        List<SinkRecord<TKey, TValue>> records,
        int start,
        int count,
        CancellationToken cancellationToken
    )
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await connection
            .BeginTransactionAsync(cancellationToken)
            .ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        for (var chunk = start; chunk < start + count; chunk += _options.BatchSize)
        {
            var end = Math.Min(start + count, chunk + _options.BatchSize);
            await ExecuteAsync(records, chunk, end, connection, transaction, cancellationToken)
                .ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return _connection;
        }
        var connection = _url.Dialect.CreateConnection(_url.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            // A connection that cannot be opened is the database's fault whatever the driver says.
            throw new SqlConnectionFailedException(e);
        }
        _connection = connection;
        return connection;
    }

    private async Task ExecuteAsync(
        List<SinkRecord<TKey, TValue>> records,
        int start,
        int end,
        DbConnection connection,
        DbTransaction transaction,
        CancellationToken cancellationToken
    )
    {
        using var batch = connection.CanCreateBatch ? connection.CreateBatch() : null;
        if (batch is not null)
        {
            batch.Transaction = transaction;
        }
        var commands = new Dictionary<SqlStatement, DbCommand>();
        try
        {
            for (var i = start; i < end; i++)
            {
                var record = records[i];
                var table = await TableAsync(record.Topic, transaction, cancellationToken)
                    .ConfigureAwait(false);
                FillRow(record);
                var statement = record.Value is null ? table.Delete! : table.Write;
                if (batch is not null)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = statement.Text;
                    Bind(
                        statement,
                        command.Parameters,
                        () => command.CreateParameter(),
                        reuse: false
                    );
                    batch.BatchCommands.Add(command);
                }
                else
                {
                    if (!commands.TryGetValue(statement, out var command))
                    {
                        command = connection.CreateCommand();
                        command.Transaction = transaction;
                        command.CommandText = statement.Text;
                        commands.Add(statement, command);
                    }
                    Bind(
                        statement,
                        command.Parameters,
                        command.CreateParameter,
                        reuse: command.Parameters.Count > 0
                    );
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            if (batch is not null && batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async ValueTask<SqlTableState> TableAsync(
        string topic,
        DbTransaction transaction,
        CancellationToken cancellationToken
    )
    {
        var name = _options.TableNameFormat.Replace("${topic}", topic, StringComparison.Ordinal);
        if (_tables.TryGetValue(name, out var state))
        {
            return state;
        }
        state = await SqlTableEnsurer
            .EnsureAsync(
                _url.Dialect,
                _connection!,
                transaction,
                _options,
                name,
                _layout.Columns,
                _logger,
                cancellationToken
            )
            .ConfigureAwait(false);
        _tables[name] = state;
        return state;
    }

    private void FillRow(SinkRecord<TKey, TValue> record)
    {
        if (record.Value is { } value)
        {
            _value.Read(value, _valueValues);
        }
        else
        {
            Array.Clear(_valueValues);
        }
        if (_key is not null && record.Key is { } key)
        {
            _key.Read(key, _keyValues);
        }
        for (var c = 0; c < _row.Length; c++)
        {
            var (source, index) = _layout.Sources[c];
            _row[c] = source switch
            {
                ColumnSource.Key => _keyValues[index],
                ColumnSource.Value => _valueValues[index],
                ColumnSource.Topic => record.Topic,
                ColumnSource.Partition => record.Partition,
                _ => record.Offset,
            };
            if (
                _row[c] is { } avro
                && _layout.Columns[c].Field is { Logical: not FieldLogicalType.None }
            )
            {
                _row[c] = _url.Dialect.ToParameter(_layout.Columns[c], avro);
            }
        }
    }

    private void Bind(
        SqlStatement statement,
        DbParameterCollection parameters,
        Func<DbParameter> create,
        bool reuse
    )
    {
        for (var p = 0; p < statement.ParameterColumns.Count; p++)
        {
            var parameter = reuse ? parameters[p] : create();
            parameter.Value = _row[statement.ParameterColumns[p]] ?? DBNull.Value;
            if (!reuse)
            {
                if (_url.Dialect.ParameterName(p) is { } name)
                {
                    parameter.ParameterName = name;
                }
                parameters.Add(parameter);
            }
        }
    }
}

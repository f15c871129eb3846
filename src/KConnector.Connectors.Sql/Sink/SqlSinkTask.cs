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
/// <see cref="PutAsync"/> buffers records and writes each full batch of batch.size records in one
/// transaction; <see cref="FlushAsync"/> writes the rest in one transaction and commits it. A
/// committed Kafka offset therefore never points past rows that are not committed in the database:
/// at-least-once delivery, effectively exactly-once with insert.mode=upsert (replays rewrite the
/// same rows). A batch that fails is rolled back as a whole; with errors.tolerance=all its records
/// are then written one by one and those that still fail are reported by a
/// <see cref="SinkRecordsFailedException"/> for the dead-letter queue.
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
    private readonly List<SinkRecord<TKey, TValue>> _buffer = [];
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

    /// <inheritdoc />
    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (record.Value is null && !_options.DeleteEnabled)
            {
                // JdbcSinkTask's RecordValidator: tombstones need delete.enabled.
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: record {record.Topic}-{record.Partition}@{record.Offset} has a null value (a tombstone) and delete.enabled is false"
                );
            }
            if (_options.PrimaryKeyMode == PrimaryKeyMode.RecordKey && record.Key is null)
            {
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: record {record.Topic}-{record.Partition}@{record.Offset} has a null key but pk.mode is record_key"
                );
            }
            _buffer.Add(record);
        }
        var failed = new List<FailedRecord>();
        while (_buffer.Count >= _options.BatchSize)
        {
            await WriteAsync(_options.BatchSize, failed, cancellationToken).ConfigureAwait(false);
        }
        ThrowIfFailed(failed, records.Count);
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var failed = new List<FailedRecord>();
        var attempted = _buffer.Count;
        while (_buffer.Count > 0)
        {
            await WriteAsync(Math.Min(_buffer.Count, _options.BatchSize), failed, cancellationToken)
                .ConfigureAwait(false);
        }
        ThrowIfFailed(failed, attempted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    /// <summary>
    /// Closes the connection. Buffered records that were not flushed are dropped (their offsets were
    /// not committed either, so they are consumed again).
    /// </summary>
    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private static void ThrowIfFailed(List<FailedRecord> failed, int attempted)
    {
        if (failed.Count > 0)
        {
            throw new SinkRecordsFailedException("SQL sink", failed, attempted);
        }
    }

    private async Task WriteAsync(
        int count,
        List<FailedRecord> failed,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(0, count, cancellationToken).ConfigureAwait(false);
                _buffer.RemoveRange(0, count);
                RecordsCommitted += count;
                return;
            }
            catch (DbException e) when (e.IsTransient && attempt < _options.MaxRetries)
            {
                // JdbcSinkTask retries a failed batch max.retries times after retry.backoff.ms.
                _logger.LogWarning(
                    "SQL sink: writing {Count} records to {Database} failed ({Error}); retry {Attempt} of {MaxRetries} in {Backoff} ms",
                    count,
                    _url.Database,
                    e.Message,
                    attempt + 1,
                    _options.MaxRetries,
                    _options.RetryBackoffMs
                );
                await DisposeAsync().ConfigureAwait(false);
                _tables.Clear();
                await Task.Delay(_options.RetryBackoffMs, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (_options.ErrorsToleranceAll && count > 1)
            {
                _logger.LogWarning(
                    "SQL sink: a batch of {Count} records failed in {Database} ({Error}); writing them one by one to find the failing records",
                    count,
                    _url.Database,
                    e.Message
                );
                await DisposeAsync().ConfigureAwait(false);
                _tables.Clear();
                await UnrollAsync(count, failed, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbException e)
            {
                var first = _buffer[0];
                var last = _buffer[count - 1];
                await DisposeAsync().ConfigureAwait(false);
                _tables.Clear();
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: writing {count} records ({first.Topic}-{first.Partition}@{first.Offset} .. {last.Topic}-{last.Partition}@{last.Offset}) failed in {_url.Database} and was rolled back: {e.Message}",
                    e
                );
            }
        }
    }

    /// <summary>
    /// As the JDBC sink's <c>unrollAndRetry</c> with an errant-record reporter: each record of a
    /// failed batch in its own transaction; those that still fail are reported, the others committed.
    /// </summary>
    private async Task UnrollAsync(
        int count,
        List<FailedRecord> failed,
        CancellationToken cancellationToken
    )
    {
        for (var i = 0; i < count; i++)
        {
            try
            {
                await WriteOnceAsync(i, 1, cancellationToken).ConfigureAwait(false);
                RecordsCommitted++;
            }
            catch (DbException e) when (!e.IsTransient)
            {
                var record = _buffer[i];
                failed.Add(
                    new FailedRecord(
                        record.Topic,
                        record.Partition,
                        record.Offset,
                        $"{_url.Database}: {e.Message}"
                    )
                );
                await DisposeAsync().ConfigureAwait(false);
                _tables.Clear();
            }
            catch (DbException e)
            {
                // The database went away mid-way: keep the records not yet written buffered.
                _buffer.RemoveRange(0, i);
                await DisposeAsync().ConfigureAwait(false);
                _tables.Clear();
                throw new ConnectException(
                    Stage.TASK_PUT,
                    $"SQL sink: writing records one by one to {_url.Database} failed with a transient error after {i} of {count}: {e.Message}",
                    e
                );
            }
        }
        _buffer.RemoveRange(0, count);
    }

    private async Task WriteOnceAsync(int start, int count, CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var connection = _url.Dialect.CreateConnection(_url.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            _connection = connection;
        }
        var transaction = await _connection
            .BeginTransactionAsync(cancellationToken)
            .ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var useBatch = _connection.CanCreateBatch;
        using var batch = useBatch ? _connection.CreateBatch() : null;
        if (batch is not null)
        {
            batch.Transaction = transaction;
        }
        var commands = new Dictionary<SqlStatement, DbCommand>();
        try
        {
            for (var i = start; i < start + count; i++)
            {
                var record = _buffer[i];
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
                        command = _connection.CreateCommand();
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
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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

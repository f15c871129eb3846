using System.Data.Common;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Dialects;
using KConnector.Errors;
using KConnector.Records;
using KConnector.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KConnector.Connectors.Sql.Source;

/// <summary>
/// Copies rows of tables (table.whitelist) or of a query into typed records, as Confluent's JDBC
/// source connector (<c>JdbcSourceTask</c>): modes bulk, incrementing, timestamp and
/// timestamp+incrementing; poll.interval.ms between two queries of a table; at most batch.max.rows
/// records per poll. Each record carries its source partition (<c>{"table": name}</c> or
/// <c>{"query": "query"}</c>) and offset (<c>incrementing</c>, <c>timestamp</c>,
/// <c>timestamp_nanos</c>); a task started with the last stored offsets resumes after them.
/// Keys are null, as in the JDBC source (a ValueToKey transform sets one).
/// </summary>
/// <typeparam name="TValue">The record type rows become; its fields are matched to columns by name.</typeparam>
public sealed class SqlSourceTask<TValue>
    : ISourceTask<string, TValue>,
        IAsyncDisposable,
        IDisposable
{
    private readonly SqlSourceOptions _options;
    private readonly SqlConnectionUrl _url;
    private readonly RecordAccessor<TValue> _value;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _offsetGiven;
    private List<SqlTableQuerier> _queriers;
    private readonly object?[] _values;
    private DbConnection? _connection;
    private int _failedQueries;

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="value">Builds a <typeparamref name="TValue"/> from column values (e.g. <c>new AvroRecordAccessor&lt;Product&gt;()</c>).</param>
    /// <param name="storedOffset">
    /// Returns the last committed offset of a source partition, or null (Kafka Connect's
    /// <c>OffsetStorageReader.offset</c>); null starts every table from the beginning.
    /// </param>
    /// <param name="time">The clock (tests may pass a fake one).</param>
    /// <param name="logger">Where errors are logged; never given secrets.</param>
    public SqlSourceTask(
        SqlSourceOptions options,
        RecordAccessor<TValue> value,
        Func<
            IReadOnlyDictionary<string, string>,
            IReadOnlyDictionary<string, string>?
        >? storedOffset = null,
        TimeProvider? time = null,
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
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _values = new object?[value.Shape.Fields.Count];
        _offsetGiven = storedOffset is not null;
        _queriers = BuildQueriers(storedOffset);
    }

    /// <summary>
    /// Run by a worker: committed offsets come from its offset store (Kafka Connect's
    /// <c>OffsetStorageReader</c>) unless the constructor was given a reader of its own.
    /// </summary>
    public void Initialize(SourceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_offsetGiven)
        {
            _queriers = BuildQueriers(context.OffsetStorageReader.Offset);
        }
    }

    private List<SqlTableQuerier> BuildQueriers(
        Func<
            IReadOnlyDictionary<string, string>,
            IReadOnlyDictionary<string, string>?
        >? storedOffset
    )
    {
        IReadOnlyList<string?> tables = _options.Tables.Count > 0 ? [.. _options.Tables] : [null];
        return tables
            .Select(table =>
            {
                var querier = new SqlTableQuerier(
                    _options,
                    _url.Dialect,
                    _value.Shape,
                    table,
                    default
                );
                var offset = storedOffset?.Invoke(querier.Partition);
                return offset is null
                    ? querier
                    : new SqlTableQuerier(
                        _options,
                        _url.Dialect,
                        _value.Shape,
                        table,
                        SqlSourceOffset.FromDictionary(offset)
                    );
            })
            .ToList();
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SourceRecord<string, TValue>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        // The head is the querier due first (JdbcSourceTask's priority queue by next update time).
        var querier = _queriers.MinBy(q => q.IsQuerying ? DateTimeOffset.MinValue : q.NextPoll)!;
        var wait = querier.NextPoll - _time.GetUtcNow();
        if (!querier.IsQuerying && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        var records = new List<SourceRecord<string, TValue>>();
        try
        {
            if (!querier.IsQuerying)
            {
                await OpenAsync(cancellationToken).ConfigureAwait(false);
                await querier
                    .StartAsync(_connection!, _time.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
            }
            while (records.Count < _options.BatchMaxRows)
            {
                if (!await querier.NextAsync(_values, cancellationToken).ConfigureAwait(false))
                {
                    await querier.StopAsync().ConfigureAwait(false);
                    querier.NextPoll = querier.LastStart.AddMilliseconds(_options.PollIntervalMs);
                    break;
                }
                records.Add(
                    new SourceRecord<string, TValue>
                    {
                        Topic = querier.Topic,
                        Value = _value.Create(_values),
                        SourcePartition = querier.Partition,
                        SourceOffset =
                            _options.Mode == SourceMode.Bulk ? null : querier.Offset.ToDictionary(),
                    }
                );
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or FormatException)
        {
            await querier.StopAsync().ConfigureAwait(false);
            await DisposeConnectionAsync().ConfigureAwait(false);
            querier.NextPoll = _time.GetUtcNow().AddMilliseconds(_options.PollIntervalMs);
            var message =
                $"SQL source: reading {querier.Name} from {_url.Database} failed: {e.Message}";
            if (e is not DbException failed)
            {
                // The table's columns do not fit the value's schema: no later poll changes that.
                throw new ConnectException(Stage.TASK_POLL, message, e);
            }
            QueryFailed(message, failed);
            // The rows read before the failure are whole records with their offsets: delivered,
            // so that the querier's position (already past them) loses nothing.
            return records;
        }
        _failedQueries = 0;
        return records;
    }

    // Confluent's JDBC source retries a query the database failed on later polls
    // (query.retry.attempts, -1 = for ever) rather than failing the task: a server restart or a
    // table created after the connector must not need an operator. Past the limit the task
    // fails, naming the table.
    private void QueryFailed(string message, DbException e)
    {
        _failedQueries++;
        if (_options.QueryRetryAttempts >= 0 && _failedQueries > _options.QueryRetryAttempts)
        {
            throw new ConnectException(
                Stage.TASK_POLL,
                _failedQueries > 1
                    ? $"{message} (failed {_failedQueries} times in a row; query.retry.attempts={_options.QueryRetryAttempts})"
                    : message,
                e
            );
        }
        _logger.LogWarning(
            "{Message}; trying again in {Interval} ms (failure {Count} in a row, query.retry.attempts={Attempts})",
            message,
            _options.PollIntervalMs,
            _failedQueries,
            _options.QueryRetryAttempts
        );
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var querier in _queriers)
        {
            await querier.StopAsync().ConfigureAwait(false);
        }
        await DisposeConnectionAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the open queries and the connection (what a generated worker calls when it stops).</summary>
    public void Dispose()
    {
        foreach (var querier in _queriers)
        {
            querier.Stop();
        }
        _connection?.Dispose();
        _connection = null;
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            return;
        }
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
        _logger.LogDebug("SQL source connected ({Dialect})", _url.Dialect.Name);
        _connection = connection;
    }

    private async Task DisposeConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}

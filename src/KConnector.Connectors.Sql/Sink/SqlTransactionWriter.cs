using System.Data.Common;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Dialects;
using KConnector.Records;
using Microsoft.Extensions.Logging;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// Writes records in one transaction on the sink's connection (opened when first needed, kept
/// between puts), batch.size statements at a time (one <see cref="DbBatch"/> where the driver has
/// it), making or evolving each topic's table the first time the transaction meets it. After a
/// failure <see cref="ResetAsync"/> drops the connection and what it knew of the tables.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class SqlTransactionWriter<TKey, TValue> : IAsyncDisposable, IDisposable
{
    private readonly SqlSinkOptions _options;
    private readonly SqlConnectionUrl _url;
    private readonly SqlTableLayout _layout;
    private readonly SqlRecordRow<TKey, TValue> _row;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SqlTableState> _tables = new(StringComparer.Ordinal);
    private DbConnection? _connection;

    public SqlTransactionWriter(
        SqlSinkOptions options,
        SqlConnectionUrl url,
        SqlTableLayout layout,
        SqlRecordRow<TKey, TValue> row,
        ILogger logger
    )
    {
        _options = options;
        _url = url;
        _layout = layout;
        _row = row;
        _logger = logger;
    }

    /// <summary>Writes <paramref name="count"/> records from <paramref name="start"/> and commits them.</summary>
    public async Task WriteAsync(
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

    /// <summary>Drops the connection after a failure.</summary>
    public async ValueTask ResetAsync()
    {
        // A rolled-back transaction may have rolled back a CREATE TABLE too: look again.
        await DisposeAsync().ConfigureAwait(false);
        _tables.Clear();
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

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
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
                _row.Fill(record);
                var statement = record.Value is null ? table.Delete! : table.Write;
                if (batch is not null)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = statement.Text;
                    _row.Bind(
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
                    _row.Bind(
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
}

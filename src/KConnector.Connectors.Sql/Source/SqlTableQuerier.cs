using System.Data.Common;
using System.Globalization;
using System.Text;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Connectors.Sql.Dialects;

namespace KConnector.Connectors.Sql.Source;

/// <summary>
/// Queries one table (or the configured query) from its last offset, as the JDBC source's
/// <c>TimestampIncrementingTableQuerier</c> / <c>BulkTableQuerier</c>: the criteria and ordering
/// of <c>TimestampIncrementingCriteria</c>, one open result set read over several polls.
/// </summary>
internal sealed class SqlTableQuerier
{
    private readonly SqlSourceOptions _options;
    private readonly SqlDialect _dialect;
    private readonly RecordShape _shape;
    private int[]? _fieldOrdinals;
    private int _incrementingOrdinal = -1;
    private int[] _timestampOrdinals = [];
    private DateTimeKind _timestampKind = DateTimeKind.Unspecified;
    private DbCommand? _command;
    private DbDataReader? _reader;

    public SqlTableQuerier(
        SqlSourceOptions options,
        SqlDialect dialect,
        RecordShape shape,
        string? table,
        SqlSourceOffset offset
    )
    {
        _options = options;
        _dialect = dialect;
        _shape = shape;
        Table = table;
        Offset = offset;
        Topic = table is null ? options.TopicPrefix : options.TopicPrefix + table;
        Partition = table is null
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["query"] = "query" }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["table"] = table };
    }

    /// <summary>The table, or null in query mode.</summary>
    public string? Table { get; }

    public string Name => Table ?? "query";

    public string Topic { get; }

    /// <summary>The source partition: {"table": name} or {"query": "query"}, as the JDBC source.</summary>
    public IReadOnlyDictionary<string, string> Partition { get; }

    public SqlSourceOffset Offset { get; private set; }

    public DateTimeOffset NextPoll { get; set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastStart { get; private set; }

    public bool IsQuerying => _reader is not null;

    public async Task StartAsync(
        DbConnection connection,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        if (_fieldOrdinals is null)
        {
            await DescribeAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        LastStart = now;
        _command = connection.CreateCommand();
        _command.CommandText = BuildQuery();
        var p = 0;
        var ts = Offset.Timestamp is { } t
            ? DateTime.SpecifyKind(t, _timestampKind)
            : DateTime.SpecifyKind(DateTime.UnixEpoch, _timestampKind);
        var id = Offset.Incrementing ?? -1;
        switch (_options.Mode)
        {
            case SourceMode.Incrementing:
                AddParameter(p++, id);
                break;
            case SourceMode.Timestamp:
                AddParameter(p++, ts);
                break;
            case SourceMode.TimestampIncrementing:
                AddParameter(p++, ts);
                AddParameter(p++, ts);
                AddParameter(p++, id);
                break;
            default:
                break;
        }
        _reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the next row into <paramref name="values"/> (shape order); false at the end of the result.</summary>
    public async Task<bool> NextAsync(object?[] values, CancellationToken cancellationToken)
    {
        if (!await _reader!.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        for (var i = 0; i < _shape.Fields.Count; i++)
        {
            var ordinal = _fieldOrdinals![i];
            values[i] =
                ordinal < 0 ? null : FieldValue.Coerce(_reader.GetValue(ordinal), _shape.Fields[i]);
        }
        long? incrementing = null;
        DateTime? timestamp = null;
        if (_incrementingOrdinal >= 0)
        {
            incrementing = Convert.ToInt64(
                _reader.GetValue(_incrementingOrdinal),
                CultureInfo.InvariantCulture
            );
        }
        foreach (var ordinal in _timestampOrdinals)
        {
            if (!_reader.IsDBNull(ordinal))
            {
                timestamp = _reader.GetDateTime(ordinal);
                break;
            }
        }
        if (_options.Mode != SourceMode.Bulk)
        {
            Offset = new SqlSourceOffset(
                incrementing ?? Offset.Incrementing,
                timestamp ?? Offset.Timestamp
            );
        }
        return true;
    }

    /// <summary>Releases the open reader and command, as <see cref="StopAsync"/> does, synchronously.</summary>
    public void Stop()
    {
        _reader?.Dispose();
        _reader = null;
        _command?.Dispose();
        _command = null;
    }

    public async Task StopAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync().ConfigureAwait(false);
            _reader = null;
        }
        if (_command is not null)
        {
            await _command.DisposeAsync().ConfigureAwait(false);
            _command = null;
        }
    }

    private string From() =>
        Table is null ? $"({_options.Query}) kconnector_query" : _dialect.QuoteTable(Table);

    private string TimestampExpression() =>
        _options.TimestampColumns.Count == 1
            ? _dialect.QuoteIdentifier(_options.TimestampColumns[0])
            : "COALESCE("
                + string.Join(", ", _options.TimestampColumns.Select(_dialect.QuoteIdentifier))
                + ")";

    private string BuildQuery()
    {
        var sql = new StringBuilder("SELECT * FROM ").Append(From());
        var inc =
            _options.IncrementingColumn.Length > 0
                ? _dialect.QuoteIdentifier(_options.IncrementingColumn)
                : string.Empty;
        switch (_options.Mode)
        {
            case SourceMode.Incrementing:
                sql.Append($" WHERE {inc} > {_dialect.Placeholder(0)} ORDER BY {inc} ASC");
                break;
            case SourceMode.Timestamp:
                sql.Append(
                    $" WHERE {TimestampExpression()} > {_dialect.Placeholder(0)} ORDER BY {TimestampExpression()} ASC"
                );
                break;
            case SourceMode.TimestampIncrementing:
                // TimestampIncrementingCriteria: strictly later, or the same timestamp with a larger id.
                sql.Append(
                    $" WHERE {TimestampExpression()} > {_dialect.Placeholder(0)} OR ({TimestampExpression()} = {_dialect.Placeholder(1)} AND {inc} > {_dialect.Placeholder(2)}) ORDER BY {TimestampExpression()}, {inc} ASC"
                );
                break;
            default:
                break;
        }
        return sql.ToString();
    }

    private void AddParameter(int index, object value)
    {
        var parameter = _command!.CreateParameter();
        if (_dialect.ParameterName(index) is { } name)
        {
            parameter.ParameterName = name;
        }
        parameter.Value = value;
        _command.Parameters.Add(parameter);
    }

    /// <summary>Maps the result's columns to the record's fields once (by name, case-insensitively), failing early and clearly.</summary>
    private async Task DescribeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = $"SELECT * FROM {From()} WHERE 1 = 0";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        int Find(string name) =>
            Array.FindIndex(
                columns,
                c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)
            );
        var ordinals = new int[_shape.Fields.Count];
        var missing = new List<string>();
        for (var i = 0; i < ordinals.Length; i++)
        {
            ordinals[i] = Find(_shape.Fields[i].Name);
            if (ordinals[i] < 0 && !_shape.Fields[i].IsNullable)
            {
                missing.Add(_shape.Fields[i].Name);
            }
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Name} has no column for the required field(s) {string.Join(", ", missing)} of {_shape.Name} (columns: {string.Join(", ", columns)})"
            );
        }
        if (_options.Mode is SourceMode.Incrementing or SourceMode.TimestampIncrementing)
        {
            _incrementingOrdinal = Find(_options.IncrementingColumn);
            if (_incrementingOrdinal < 0)
            {
                throw new InvalidOperationException(
                    $"incrementing.column.name: {Name} has no column '{_options.IncrementingColumn}'"
                );
            }
        }
        if (_options.Mode is SourceMode.Timestamp or SourceMode.TimestampIncrementing)
        {
            _timestampOrdinals = _options.TimestampColumns.Select(Find).ToArray();
            var absent = _options
                .TimestampColumns.Where((_, i) => _timestampOrdinals[i] < 0)
                .ToArray();
            if (absent.Length > 0)
            {
                throw new InvalidOperationException(
                    $"timestamp.column.name: {Name} has no column '{string.Join("', '", absent)}'"
                );
            }
            // Npgsql maps DateTime by Kind: Utc to timestamptz, Unspecified to timestamp; bind the column's own kind.
            _timestampKind = reader
                .GetDataTypeName(_timestampOrdinals[0])
                .Contains("with time zone", StringComparison.OrdinalIgnoreCase)
                ? DateTimeKind.Utc
                : DateTimeKind.Unspecified;
        }
        _fieldOrdinals = ordinals;
    }
}

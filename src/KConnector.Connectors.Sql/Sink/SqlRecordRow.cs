using System.Data.Common;
using KConnector.Connectors.Shapes;
using KConnector.Connectors.Sql.Dialects;
using KConnector.Records;

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// One record as the row the sink writes: the key's and value's fields read by their accessors
/// into reused buffers, placed in the table's column order (topic, partition and offset for
/// pk.mode=kafka), logical values as the dialect binds them; then bound to a statement's
/// parameters.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class SqlRecordRow<TKey, TValue>
{
    private readonly SqlDialect _dialect;
    private readonly SqlTableLayout _layout;
    private readonly RecordAccessor<TValue> _value;
    private readonly RecordAccessor<TKey>? _key;
    private readonly object?[] _valueValues;
    private readonly object?[] _keyValues;
    private readonly object?[] _row;

    public SqlRecordRow(
        SqlDialect dialect,
        SqlTableLayout layout,
        RecordAccessor<TValue> value,
        RecordAccessor<TKey>? key
    )
    {
        _dialect = dialect;
        _layout = layout;
        _value = value;
        _key = key;
        _valueValues = new object?[value.Shape.Fields.Count];
        _keyValues = new object?[key?.Shape.Fields.Count ?? 0];
        _row = new object?[layout.Columns.Count];
    }

    public void Fill(SinkRecord<TKey, TValue> record)
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
                _row[c] = _dialect.ToParameter(_layout.Columns[c], avro);
            }
        }
    }

    public void Bind(
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
                if (_dialect.ParameterName(p) is { } name)
                {
                    parameter.ParameterName = name;
                }
                parameters.Add(parameter);
            }
        }
    }
}

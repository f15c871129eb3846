using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// Writes a change event's key and value as the JSON Debezium's events have through Kafka
/// Connect's JsonConverter: with schemas.enable, <c>{"schema": ..., "payload": ...}</c>; without,
/// the payload alone. The value is Debezium's envelope (before, after, source, transaction, op,
/// ts_ms); the key is a struct of the primary key's columns, or null for a table without one.
/// </summary>
internal sealed class EnvelopeWriter
{
    internal const string UnavailableValue = "__debezium_unavailable_value";
    internal static readonly string Version =
        typeof(EnvelopeWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly string _topicPrefix;
    private readonly string _database;
    private readonly bool _schemasEnable;
    private readonly TimeProvider _time;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public EnvelopeWriter(
        string topicPrefix,
        string database,
        bool schemasEnable,
        TimeProvider time
    )
    {
        _topicPrefix = topicPrefix;
        _database = database;
        _schemasEnable = schemasEnable;
        _time = time;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>The key of a row change: the primary key's columns of the after image (or the before image of a delete).</summary>
    public string? Key(CapturedTable table, ColumnValue[]? row)
    {
        if (table.KeyColumns.Count == 0 || row is null)
        {
            return null;
        }
        return Write(
            table.KeySchemaJson ??= SchemaJson.Key(table),
            w => WriteRow(w, table, table.KeyColumns, row)
        );
    }

    /// <summary>A heartbeat's key: Debezium's <c>ServerNameKey</c>, <c>{"serverName": topic.prefix}</c>.</summary>
    public string HeartbeatKey() =>
        Write(
            HeartbeatKeySchema,
            w =>
            {
                w.WriteStartObject();
                w.WriteString("serverName"u8, _topicPrefix);
                w.WriteEndObject();
            }
        );

    private static readonly byte[] HeartbeatKeySchema =
        """{"type":"struct","fields":[{"type":"string","optional":false,"field":"serverName"}],"optional":false,"name":"io.debezium.connector.common.ServerNameKey"}"""u8.ToArray();

    private static readonly byte[] HeartbeatValueSchema =
        """{"type":"struct","fields":[{"type":"int64","optional":false,"field":"ts_ms"}],"optional":false,"name":"io.debezium.connector.common.Heartbeat"}"""u8.ToArray();

    /// <summary>The envelope of <paramref name="change"/> (for a heartbeat, Debezium's <c>{"ts_ms"}</c>).</summary>
    public string Value(ChangeEvent change)
    {
        if (change.IsHeartbeat)
        {
            return Write(
                HeartbeatValueSchema,
                w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("ts_ms"u8, _time.GetUtcNow().ToUnixTimeMilliseconds());
                    w.WriteEndObject();
                }
            );
        }
        var table = change.Table!;
        return Write(
            table.EnvelopeSchemaJson ??= SchemaJson.Envelope(table),
            w => WriteEnvelope(w, change, table)
        );
    }

    private void WriteEnvelope(Utf8JsonWriter w, ChangeEvent change, CapturedTable table)
    {
        var all = table.AllColumns;
        w.WriteStartObject();
        w.WritePropertyName("before"u8);
        WriteRowOrNull(w, table, all, change.Before);
        w.WritePropertyName("after"u8);
        WriteRowOrNull(w, table, all, change.After);
        w.WritePropertyName("source"u8);
        WriteSource(w, change.Position, table);
        w.WriteNull("transaction"u8);
        w.WriteString("op"u8, OpCode(change.Operation));
        var now = _time.GetUtcNow();
        var micros = (now.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        w.WriteNumber("ts_ms"u8, micros / 1000);
        w.WriteNumber("ts_us"u8, micros);
        w.WriteNumber("ts_ns"u8, micros * 1000);
        w.WriteEndObject();
    }

    private void WriteSource(Utf8JsonWriter w, LogPosition position, CapturedTable table)
    {
        var micros = (position.CommitTime.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        w.WriteStartObject();
        w.WriteString("version"u8, Version);
        w.WriteString("connector"u8, "postgresql"u8);
        w.WriteString("name"u8, _topicPrefix);
        w.WriteNumber("ts_ms"u8, micros / 1000);
        w.WriteString("snapshot"u8, position.Snapshot);
        w.WriteString("db"u8, _database);
        // Debezium's sequence: [last commit LSN, this event's LSN], as strings.
        w.WriteString(
            "sequence"u8,
            string.Create(
                CultureInfo.InvariantCulture,
                $"[\"{position.CommitLsn}\",\"{position.Lsn}\"]"
            )
        );
        w.WriteNumber("ts_us"u8, micros);
        w.WriteNumber("ts_ns"u8, micros * 1000);
        w.WriteString("schema"u8, table.Schema);
        w.WriteString("table"u8, table.Name);
        if (position.TransactionId is { } txId)
        {
            w.WriteNumber("txId"u8, txId);
        }
        else
        {
            w.WriteNull("txId"u8);
        }
        w.WriteNumber("lsn"u8, position.Lsn);
        w.WriteNull("xmin"u8);
        w.WriteEndObject();
    }

    private static void WriteRowOrNull(
        Utf8JsonWriter w,
        CapturedTable table,
        IReadOnlyList<int> columns,
        ColumnValue[]? row
    )
    {
        if (row is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteRow(w, table, columns, row);
        }
    }

    private static void WriteRow(
        Utf8JsonWriter w,
        CapturedTable table,
        IReadOnlyList<int> columns,
        ColumnValue[] row
    )
    {
        w.WriteStartObject();
        foreach (var index in columns)
        {
            var column = table.Columns[index];
            w.WritePropertyName(column.Name);
            var value = index < row.Length ? row[index] : ColumnValue.Null;
            if (value.Text is { } text)
            {
                column.Mapping.Write(w, text);
            }
            else if (value.Unavailable && column.Mapping.Type == "string")
            {
                w.WriteStringValue(UnavailableValue);
            }
            else
            {
                w.WriteNullValue();
            }
        }
        w.WriteEndObject();
    }

    private string Write(byte[] schema, Action<Utf8JsonWriter> payload)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        if (_schemasEnable)
        {
            _writer.WriteStartObject();
            _writer.WritePropertyName("schema"u8);
            _writer.WriteRawValue(schema, skipInputValidation: true);
            _writer.WritePropertyName("payload"u8);
            payload(_writer);
            _writer.WriteEndObject();
        }
        else
        {
            payload(_writer);
        }
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>The envelope's op code of <paramref name="operation"/>.</summary>
    public static string OpCode(ChangeOperation operation) =>
        operation switch
        {
            ChangeOperation.Create => "c",
            ChangeOperation.Update => "u",
            ChangeOperation.Delete => "d",
            ChangeOperation.Read => "r",
            _ => "t",
        };
}

using System.Globalization;
using System.Text.Json;
using KConnector.Connectors.PostgreSql.Configuration;

namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// The type mapping of Debezium's PostgreSQL connector (its "Data type mappings" tables, with
/// time.precision.mode=adaptive), by type OID. Types it does not know become strings (their text).
/// </summary>
internal static class ColumnMappings
{
    private static readonly ColumnMapping Boolean = new(
        "boolean",
        null,
        null,
        (w, t) => w.WriteBooleanValue(t is "t" or "true")
    );
    private static readonly ColumnMapping Int16 = Number("int16");
    private static readonly ColumnMapping Int32 = Number("int32");
    private static readonly ColumnMapping Int64 = Number("int64");
    private static readonly ColumnMapping Float32 = new("float32", null, null, WriteFloat);
    private static readonly ColumnMapping Float64 = new("float64", null, null, WriteFloat);
    private static readonly ColumnMapping Text = new(
        "string",
        null,
        null,
        (w, t) => w.WriteStringValue(t)
    );
    private static readonly ColumnMapping Uuid = new(
        "string",
        "io.debezium.data.Uuid",
        null,
        (w, t) => w.WriteStringValue(t)
    );
    private static readonly ColumnMapping Json = new(
        "string",
        "io.debezium.data.Json",
        null,
        (w, t) => w.WriteStringValue(t)
    );
    private static readonly ColumnMapping Bytes = new(
        "bytes",
        null,
        null,
        (w, t) => w.WriteBase64StringValue(PostgresText.Bytea(t))
    );
    private static readonly ColumnMapping Date = new(
        "int32",
        "io.debezium.time.Date",
        null,
        (w, t) => w.WriteNumberValue(PostgresText.EpochDays(t))
    );
    private static readonly ColumnMapping Timestamp = new(
        "int64",
        "io.debezium.time.Timestamp",
        null,
        (w, t) => w.WriteNumberValue(PostgresText.EpochMicros(t) / 1000)
    );
    private static readonly ColumnMapping MicroTimestamp = new(
        "int64",
        "io.debezium.time.MicroTimestamp",
        null,
        (w, t) => w.WriteNumberValue(PostgresText.EpochMicros(t))
    );
    private static readonly ColumnMapping ZonedTimestamp = new(
        "string",
        "io.debezium.time.ZonedTimestamp",
        null,
        (w, t) => w.WriteStringValue(PostgresText.ZonedTimestamp(t))
    );
    private static readonly ColumnMapping Time = new(
        "int32",
        "io.debezium.time.Time",
        null,
        (w, t) => w.WriteNumberValue(PostgresText.MicrosOfDay(t) / 1000)
    );
    private static readonly ColumnMapping MicroTime = new(
        "int64",
        "io.debezium.time.MicroTime",
        null,
        (w, t) => w.WriteNumberValue(PostgresText.MicrosOfDay(t))
    );
    private static readonly ColumnMapping DoubleDecimal = new("float64", null, null, WriteFloat);
    private static readonly ColumnMapping VariableScaleDecimal = new(
        "struct",
        "io.debezium.data.VariableScaleDecimal",
        null,
        WriteVariableScaleDecimal
    );

    /// <summary>The mapping of a column of type <paramref name="typeOid"/> with modifier <paramref name="typeModifier"/>.</summary>
    public static ColumnMapping For(uint typeOid, int typeModifier, DecimalHandlingMode decimals) =>
        typeOid switch
        {
            16 => Boolean,
            21 => Int16,
            23 => Int32,
            20 or 26 => Int64,
            700 => Float32,
            701 => Float64,
            1700 => Numeric(typeModifier, decimals),
            2950 => Uuid,
            114 or 3802 => Json,
            17 => Bytes,
            1082 => Date,
            // adaptive: precision 0-3 in milliseconds, 4-6 (and the default) in microseconds.
            1114 => typeModifier is >= 0 and <= 3 ? Timestamp : MicroTimestamp,
            1184 => ZonedTimestamp,
            1083 => typeModifier is >= 0 and <= 3 ? Time : MicroTime,
            1005 => Array(Int16),
            1007 => Array(Int32),
            1016 => Array(Int64),
            1000 => Array(Boolean),
            1021 => Array(Float32),
            1022 => Array(Float64),
            1009 or 1015 => Array(Text),
            2951 => Array(Uuid),
            _ => Text,
        };

    private static ColumnMapping Number(string type) =>
        new(type, null, null, (w, t) => w.WriteRawValue(t, skipInputValidation: true));

    private static ColumnMapping Array(ColumnMapping item) =>
        new(
            "array",
            null,
            null,
            (w, t) =>
            {
                w.WriteStartArray();
                foreach (var element in PostgresText.ArrayElements(t))
                {
                    if (element is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        item.Write(w, element);
                    }
                }
                w.WriteEndArray();
            },
            item.Type,
            item
        );

    private static ColumnMapping Numeric(int typeModifier, DecimalHandlingMode decimals)
    {
        if (decimals == DecimalHandlingMode.Double)
        {
            return DoubleDecimal;
        }
        if (decimals == DecimalHandlingMode.String)
        {
            return Text;
        }
        if (typeModifier < 4)
        {
            // numeric without precision and scale: each value has its own scale.
            return VariableScaleDecimal;
        }
        var precision = ((typeModifier - 4) >> 16) & 0xffff;
        var scale = (typeModifier - 4) & 0xffff;
        return new(
            "bytes",
            "org.apache.kafka.connect.data.Decimal",
            new Dictionary<string, string>
            {
                ["scale"] = scale.ToString(CultureInfo.InvariantCulture),
                ["connect.decimal.precision"] = precision.ToString(CultureInfo.InvariantCulture),
            },
            (w, t) =>
            {
                // NaN has no Decimal: Debezium writes null.
                if (t == "NaN")
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteBase64StringValue(PostgresText.UnscaledBytes(t, scale));
                }
            }
        );
    }

    private static void WriteFloat(Utf8JsonWriter writer, string text)
    {
        // JSON has no NaN or infinities; Kafka Connect's JsonConverter writes them as strings too.
        if (
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
        )
        {
            writer.WriteRawValue(text, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    private static void WriteVariableScaleDecimal(Utf8JsonWriter writer, string text)
    {
        if (text == "NaN")
        {
            writer.WriteNullValue();
            return;
        }
        var scale = PostgresText.ScaleOf(text);
        writer.WriteStartObject();
        writer.WriteNumber("scale"u8, scale);
        writer.WriteBase64String("value"u8, PostgresText.UnscaledBytes(text, scale));
        writer.WriteEndObject();
    }
}

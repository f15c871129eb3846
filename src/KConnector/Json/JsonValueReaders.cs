using System.Globalization;
using System.Text.Json;

namespace KConnector.Json;

/// <summary>
/// The readers that code generated from JSON Schema calls for each kind of value. Each reads the
/// current token, checks its JSON kind and format (JSON Schema draft 2020-12, "Defined Formats",
/// which cites RFC 3339 and RFC 4122), and throws <see cref="JsonSchemaReadException"/> otherwise.
/// </summary>
public static class JsonValueReaders
{
    private static readonly string[] TimeFormats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    /// <summary>Moves a fresh reader onto its first token; a reader already on a token stays there.</summary>
    public static void Start(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw JsonSchemaReadException.Unexpected("a JSON value", JsonTokenType.None);
        }
    }

    /// <summary>Starts reading an object of the generated type <paramref name="typeName"/>.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        Start(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonSchemaReadException.Unexpected(
                "a JSON object for " + typeName,
                reader.TokenType
            );
        }
    }

    /// <summary>Moves to the next member name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw JsonSchemaReadException.Unexpected("a property or '}'", JsonTokenType.None);
        }
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw JsonSchemaReadException.Unexpected("a property name", reader.TokenType),
        };
    }

    /// <summary>Moves from a member name to its value.</summary>
    public static void Value(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw JsonSchemaReadException.Unexpected("a JSON value", JsonTokenType.None);
        }
    }

    /// <summary>Whether the current token is JSON null.</summary>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>A JSON string.</summary>
    public static string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw JsonSchemaReadException.Unexpected("a string", reader.TokenType);

    /// <summary>A JSON Schema "integer": a number without a fractional part that fits a long.</summary>
    public static long Int64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        if (reader.TryGetInt64(out var value))
        {
            return value;
        }
        // JSON Schema counts 1.0 as an integer ("integer" matches any number with a zero fractional part).
        if (
            reader.TryGetDecimal(out var d)
            && decimal.Truncate(d) == d
            && d >= long.MinValue
            && d <= long.MaxValue
        )
        {
            return (long)d;
        }
        throw new JsonSchemaReadException(
            "expected an integer that fits in 64 bits, found " + Text(ref reader)
        );
    }

    /// <summary>A JSON Schema "number".</summary>
    public static double Double(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.GetDouble();
    }

    /// <summary>A JSON boolean.</summary>
    public static bool Boolean(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw JsonSchemaReadException.Unexpected("a boolean", reader.TokenType),
        };

    /// <summary>The "date-time" format: an RFC 3339 date-time with its offset.</summary>
    public static DateTimeOffset DateTime(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date-time string");
        return reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw Malformed("an RFC 3339 date-time", ref reader);
    }

    /// <summary>The "date" format: an RFC 3339 full-date (yyyy-MM-dd).</summary>
    public static DateOnly Date(ref Utf8JsonReader reader)
    {
        var text = FormattedString(ref reader, "a date string");
        return DateOnly.TryParseExact(
            text,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var value
        )
            ? value
            : throw Malformed("an RFC 3339 full-date (yyyy-MM-dd)", ref reader);
    }

    /// <summary>
    /// The "time" format: an RFC 3339 time (HH:mm:ss with optional fraction). A trailing offset
    /// (Z or ±hh:mm) is accepted and dropped: <see cref="TimeOnly"/> holds a wall-clock time.
    /// </summary>
    public static TimeOnly Time(ref Utf8JsonReader reader)
    {
        var text = FormattedString(ref reader, "a time string");
        var end = text.Length;
        if (end > 0 && (text[end - 1] == 'Z' || text[end - 1] == 'z'))
        {
            end--;
        }
        else if (end > 6 && (text[end - 6] == '+' || text[end - 6] == '-') && text[end - 3] == ':')
        {
            end -= 6;
        }
        return TimeOnly.TryParseExact(
            text.AsSpan(0, end),
            TimeFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var value
        )
            ? value
            : throw Malformed("an RFC 3339 time (HH:mm:ss)", ref reader);
    }

    /// <summary>The "uuid" format (RFC 4122, hyphenated).</summary>
    public static Guid Uuid(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a uuid string");
        return reader.TryGetGuid(out var value)
            ? value
            : throw Malformed("a hyphenated RFC 4122 uuid", ref reader);
    }

    /// <summary>The "uri" format: an absolute URI (RFC 3986).</summary>
    public static Uri Uri(ref Utf8JsonReader reader)
    {
        var text = FormattedString(ref reader, "a uri string");
        return System.Uri.TryCreate(text, UriKind.Absolute, out var value)
            ? value
            : throw Malformed("an absolute URI", ref reader);
    }

    /// <summary>The "uri-reference" format: an absolute or relative URI.</summary>
    public static Uri UriReference(ref Utf8JsonReader reader)
    {
        var text = FormattedString(ref reader, "a uri-reference string");
        return System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var value)
            ? value
            : throw Malformed("a URI reference", ref reader);
    }

    /// <summary>Any JSON value, kept as written.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader) =>
        JsonElement.ParseValue(ref reader);

    /// <summary>A JSON array whose items <paramref name="item"/> reads; a failing item is named by its index.</summary>
    public static IReadOnlyList<T> Array<T>(ref Utf8JsonReader reader, JsonValueReader<T> item)
    {
        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var items = new List<T>();
        while (true)
        {
            Value(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items;
            }
            try
            {
                items.Add(item(ref reader));
            }
            catch (Exception e) when (JsonSchemaReadException.IsReadFailure(e))
            {
                throw JsonSchemaReadException.AtIndex(items.Count, e);
            }
        }
    }

    /// <summary>A JSON object read as a dictionary ("additionalProperties" with a schema); a failing value is named by its key.</summary>
    public static IReadOnlyDictionary<string, T> Map<T>(
        ref Utf8JsonReader reader,
        JsonValueReader<T> value
    )
    {
        Expect(ref reader, JsonTokenType.StartObject, "an object");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            try
            {
                Value(ref reader);
                map[key] = value(ref reader);
            }
            catch (Exception e) when (JsonSchemaReadException.IsReadFailure(e))
            {
                throw JsonSchemaReadException.AtMember(key, e);
            }
        }
        return map;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string expected)
    {
        if (reader.TokenType != token)
        {
            throw JsonSchemaReadException.Unexpected(expected, reader.TokenType);
        }
    }

    private static string FormattedString(ref Utf8JsonReader reader, string expected)
    {
        Expect(ref reader, JsonTokenType.String, expected);
        return reader.GetString()!;
    }

    private static JsonSchemaReadException Malformed(string expected, ref Utf8JsonReader reader) =>
        new("expected " + expected + ", found " + Text(ref reader));

    private static string Text(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence
            ? System.Text.Encoding.UTF8.GetString(
                System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)
            )
            : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        var quoted = reader.TokenType == JsonTokenType.String ? "\"" + raw + "\"" : raw;
        return quoted.Length > 64 ? quoted[..64] + "..." : quoted;
    }
}

using System.ComponentModel;
using System.Text.Json;

namespace KConnector.JsonSchema;

/// <summary>
/// The keyword checks compiled validators call where straight-line code would repeat itself:
/// numbers compared as decimals (as NJsonSchema compares them; doubles beyond decimal's range),
/// string lengths in code points (JSON Schema's length), and JSON equality for <c>enum</c>,
/// <c>const</c> and <c>uniqueItems</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonSchemaChecks
{
    /// <summary>Whether the number at the reader is a whole number (JSON Schema counts 1.0 an integer).</summary>
    public static bool IsInteger(ref Utf8JsonReader reader)
    {
        if (reader.TryGetDecimal(out var value))
        {
            return decimal.Truncate(value) == value;
        }
        var d = reader.GetDouble();
        return double.IsFinite(d) && Math.Floor(d) == d;
    }

    /// <summary>The sign of (the number at the reader - <paramref name="bound"/>).</summary>
    public static int Compare(ref Utf8JsonReader reader, decimal bound) =>
        reader.TryGetDecimal(out var value)
            ? value.CompareTo(bound)
            : reader.GetDouble().CompareTo((double)bound);

    /// <summary>Whether the number at the reader is a multiple of <paramref name="divisor"/>.</summary>
    public static bool IsMultipleOf(ref Utf8JsonReader reader, decimal divisor)
    {
        if (reader.TryGetDecimal(out var value))
        {
            return value % divisor == 0;
        }
        var d = reader.GetDouble();
        return double.IsFinite(d) && d % (double)divisor == 0;
    }

    /// <summary>The length JSON Schema's minLength/maxLength count: Unicode code points.</summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        var length = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                length--;
                i++;
            }
        }
        return length;
    }

    /// <summary>The length in code points of the string at the reader, without copying it when it holds no escapes.</summary>
    public static int Length(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return Length(reader.GetString().AsSpan());
        }
        // UTF-8: every code point has exactly one byte that is not a continuation byte (10xxxxxx).
        var count = 0;
        foreach (var b in reader.ValueSpan)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Parses the literal values of an enum or const once, for <see cref="IsOneOf"/>.</summary>
    public static JsonElement[] Literals(params string[] json)
    {
        var values = new JsonElement[json.Length];
        for (var i = 0; i < json.Length; i++)
        {
            using var document = JsonDocument.Parse(json[i]);
            values[i] = document.RootElement.Clone();
        }
        return values;
    }

    /// <summary>Whether the value at the reader equals one of <paramref name="values"/> as JSON (1 and 1.0 are equal; member order does not matter).</summary>
    public static bool IsOneOf(Utf8JsonReader reader, JsonElement[] values)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        foreach (var value in values)
        {
            if (JsonElement.DeepEquals(document.RootElement, value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the items of the array at the reader are pairwise different as JSON.</summary>
    public static bool ItemsUnique(Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var items = document.RootElement.EnumerateArray().ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = i + 1; j < items.Length; j++)
            {
                if (JsonElement.DeepEquals(items[i], items[j]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The member name at the reader (only read when a violation names it or an undeclared member is checked).</summary>
    public static string MemberName(ref Utf8JsonReader reader) =>
        reader.GetString() ?? string.Empty;
}

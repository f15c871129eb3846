using System.Globalization;
using System.Text;

namespace KConnector.Converters.Headers;

/// <summary>
/// Reads the list and map forms of Kafka Connect's <c>Values</c> (<c>[1,2,3]</c>,
/// <c>{"a":1,"b":2}</c>): elements are embedded values (numbers, <c>true</c>/<c>false</c>,
/// <c>null</c>, double-quoted strings with <c>\</c> escapes, nested lists and maps), separated by
/// <c>,</c>, map keys and values by <c>:</c>. As in <c>Values.parseString</c>, text that does not
/// parse completely is not an error: the caller keeps it as a STRING. The common element type widens
/// numbers (INT8 -> INT16 -> INT32 -> INT64 -> FLOAT32 -> FLOAT64) and elements are aligned to it.
/// Deliberate differences: once two elements have no common type, the list stays typeless (Kafka
/// Connect's parser may pick a later element's type again), and temporal literals inside a list stay
/// strings.
/// </summary>
internal ref struct CompositeHeaderValueParser
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private CompositeHeaderValueParser(string text)
    {
        _text = text;
        _pos = 0;
    }

    /// <summary>The array or map <paramref name="text"/> holds, or null when it holds neither completely.</summary>
    public static HeaderValue? TryParse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || (trimmed[0] != '[' && trimmed[0] != '{'))
        {
            return null;
        }
        var parser = new CompositeHeaderValueParser(trimmed);
        if (!parser.TryValue(0, out var value))
        {
            return null;
        }
        parser.SkipSpace();
        return parser._pos == trimmed.Length ? value : null;
    }

    private bool TryValue(int depth, out HeaderValue value)
    {
        value = HeaderValue.Null;
        SkipSpace();
        if (_pos >= _text.Length || depth > MaxDepth)
        {
            return false;
        }
        return _text[_pos] switch
        {
            '[' => TryArray(depth, out value),
            '{' => TryMap(depth, out value),
            '"' => TryQuoted(out value),
            _ => TryScalar(out value),
        };
    }

    private bool TryArray(int depth, out HeaderValue value)
    {
        value = HeaderValue.Null;
        _pos++;
        var items = new List<HeaderValue>();
        var common = new CommonType();
        SkipSpace();
        if (Peek() == ']')
        {
            _pos++;
            value = HeaderValue.FromArray(items, null);
            return true;
        }
        while (true)
        {
            if (!TryValue(depth + 1, out var item))
            {
                return false;
            }
            items.Add(item);
            common.Add(item);
            SkipSpace();
            var c = Peek();
            _pos++;
            if (c == ']')
            {
                value = HeaderValue.FromArray(Align(items, common.Type), common.Type);
                return true;
            }
            if (c != ',')
            {
                return false;
            }
        }
    }

    private bool TryMap(int depth, out HeaderValue value)
    {
        value = HeaderValue.Null;
        _pos++;
        var entries = new List<KeyValuePair<HeaderValue, HeaderValue>>();
        var keys = new CommonType();
        var values = new CommonType();
        SkipSpace();
        if (Peek() == '}')
        {
            _pos++;
            value = HeaderValue.FromMap(entries, null, null);
            return true;
        }
        while (true)
        {
            // A map key may not be null (Values: "Map entry may not have a null key").
            if (!TryValue(depth + 1, out var key) || key.Type == HeaderValueType.Null)
            {
                return false;
            }
            SkipSpace();
            if (Peek() != ':')
            {
                return false;
            }
            _pos++;
            if (!TryValue(depth + 1, out var item))
            {
                return false;
            }
            entries.Add(new(key, item));
            keys.Add(key);
            values.Add(item);
            SkipSpace();
            var c = Peek();
            _pos++;
            if (c == '}')
            {
                var aligned = new List<KeyValuePair<HeaderValue, HeaderValue>>(entries.Count);
                foreach (var entry in entries)
                {
                    aligned.Add(
                        new(AlignOne(entry.Key, keys.Type), AlignOne(entry.Value, values.Type))
                    );
                }
                value = HeaderValue.FromMap(aligned, keys.Type, values.Type);
                return true;
            }
            if (c != ',')
            {
                return false;
            }
        }
    }

    private bool TryQuoted(out HeaderValue value)
    {
        value = HeaderValue.Null;
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == '"')
            {
                value = HeaderValue.FromString(sb.ToString());
                return true;
            }
            if (c == '\\' && _pos < _text.Length)
            {
                c = _text[_pos++];
            }
            sb.Append(c);
        }
        return false;
    }

    private bool TryScalar(out HeaderValue value)
    {
        var start = _pos;
        while (
            _pos < _text.Length
            && _text[_pos] is not (',' or ']' or '}' or ':' or '[' or '{' or '"')
        )
        {
            _pos++;
        }
        var token = _text[start.._pos].Trim();
        value = HeaderValue.Null;
        if (token.Length == 0)
        {
            return false;
        }
        if (token.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // An embedded value must be a literal: a bare word is not a string (Values: "Failed to parse embedded value").
        value = SimpleHeaderConverter.Parse(token);
        return value.Type
            is not (
                HeaderValueType.String
                or HeaderValueType.Timestamp
                or HeaderValueType.Date
                or HeaderValueType.Time
            );
    }

    private static List<HeaderValue> Align(List<HeaderValue> items, HeaderValueType? type)
    {
        for (var i = 0; i < items.Count; i++)
        {
            items[i] = AlignOne(items[i], type);
        }
        return items;
    }

    // Values.alignListEntriesWithSchema: integers in a list of floats become floats, small
    // integers in a list of wider integers take the wider type.
    private static HeaderValue AlignOne(HeaderValue item, HeaderValueType? type) =>
        type switch
        {
            HeaderValueType.Int16
            or HeaderValueType.Int32
            or HeaderValueType.Int64
                when item.Type
                    is HeaderValueType.Int8
                        or HeaderValueType.Int16
                        or HeaderValueType.Int32 => HeaderValue.FromInteger(
                type.Value,
                item.Integer
            ),
            HeaderValueType.Float32 when CommonType.IsInteger(item.Type) => HeaderValue.FromFloat(
                item.Integer
            ),
            HeaderValueType.Float64 when CommonType.IsInteger(item.Type) => HeaderValue.FromDouble(
                item.Integer
            ),
            HeaderValueType.Float64 when item.Type == HeaderValueType.Float32 =>
                HeaderValue.FromDouble(
                    double.Parse(
                        ((float)item.Number).ToString("R", CultureInfo.InvariantCulture),
                        CultureInfo.InvariantCulture
                    )
                ),
            _ => item,
        };

    private readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    /// <summary>Values.commonSchemaFor over the elements seen so far; nulls do not count.</summary>
    private struct CommonType
    {
        private bool _mixed;

        public HeaderValueType? Type { get; private set; }

        public void Add(HeaderValue value)
        {
            if (value.Type == HeaderValueType.Null || _mixed)
            {
                return;
            }
            if (Type is not { } previous)
            {
                Type = value.Type;
                return;
            }
            if (
                previous == value.Type
                && value.Type is not (HeaderValueType.Array or HeaderValueType.Map)
            )
            {
                return;
            }
            if (IsNumeric(previous) && IsNumeric(value.Type))
            {
                Type = Rank(previous) >= Rank(value.Type) ? previous : value.Type;
                return;
            }
            _mixed = true;
            Type = null;
        }

        public static bool IsInteger(HeaderValueType type) =>
            type
                is HeaderValueType.Int8
                    or HeaderValueType.Int16
                    or HeaderValueType.Int32
                    or HeaderValueType.Int64;

        private static bool IsNumeric(HeaderValueType type) =>
            IsInteger(type) || type is HeaderValueType.Float32 or HeaderValueType.Float64;

        private static int Rank(HeaderValueType type) =>
            type switch
            {
                HeaderValueType.Int8 => 0,
                HeaderValueType.Int16 => 1,
                HeaderValueType.Int32 => 2,
                HeaderValueType.Int64 => 3,
                HeaderValueType.Float32 => 4,
                _ => 5,
            };
    }
}

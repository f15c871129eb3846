using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KConnector.Generator.Json;

/// <summary>
/// A strict RFC 8259 JSON reader that keeps each value's position. Written here because the
/// generator runs inside the compiler on netstandard2.0, where System.Text.Json would have to
/// ship beside it, and because diagnostics need positions that JSON DOMs drop.
/// Nesting is bounded so that hostile input cannot overflow the compiler's stack.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 256;
    private readonly string _text;
    private int _pos;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses one JSON document; throws <see cref="JsonSyntaxException"/> at the first error.</summary>
    public static JsonNode Parse(string text)
    {
        CheckEncoding(text);
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        if (parser._pos == 0 && text.Length > 0 && text[0] == '\uFEFF')
        {
            parser._pos++;
            parser.SkipWhitespace();
        }
        var value = parser.ReadValue(0);
        parser.SkipWhitespace();
        if (parser._pos < text.Length)
        {
            throw new JsonSyntaxException(
                $"unexpected '{text[parser._pos]}' after the end of the JSON document",
                parser._pos
            );
        }
        return value;
    }

    /// <summary>
    /// Files must be UTF-8 (RFC 8259 section 8.1). The compiler decodes an additional file as
    /// UTF-8 unless a byte-order mark says otherwise, so a wrong encoding shows up as characters no
    /// JSON text holds: U+FFFD where a byte was not UTF-8 (which would otherwise flow into names,
    /// paths and file names), and NUL between the characters of UTF-16 saved without a BOM
    /// (issue 20, item 10). Both are reported where they first occur, saying what to do.
    /// </summary>
    private static void CheckEncoding(string text)
    {
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            throw new JsonSyntaxException(
                "the file holds NUL characters: it looks saved as UTF-16 without a byte-order mark; save it as UTF-8",
                nul
            );
        }
        var replacement = text.IndexOf('\uFFFD');
        if (replacement >= 0)
        {
            throw new JsonSyntaxException(
                "the file is not valid UTF-8 here (a byte that is not UTF-8 reads as U+FFFD, the replacement character); save it as UTF-8, or write \\uFFFD if that character is meant",
                replacement
            );
        }
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonSyntaxException($"nesting deeper than {MaxDepth} levels", _pos);
        }
        if (_pos >= _text.Length)
        {
            throw new JsonSyntaxException("the text ends where a value was expected", _pos);
        }
        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var start = _pos;
                var s = ReadString();
                return new JsonNode(JsonKind.String, start, _pos, s, null, null);
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }
                throw new JsonSyntaxException($"unexpected character '{c}'", _pos);
        }
    }

    private JsonNode ReadObject(int depth)
    {
        var start = _pos++;
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return new JsonNode(JsonKind.Object, start, _pos, null, properties, null);
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonSyntaxException("expected a property name in double quotes", _pos);
            }
            var nameStart = _pos;
            var name = ReadString();
            var nameEnd = _pos;
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            var value = ReadValue(depth + 1);
            properties.Add(new JsonProperty(name, nameStart, nameEnd, value));
            SkipWhitespace();
            var c = Peek();
            _pos++;
            if (c == '}')
            {
                return new JsonNode(JsonKind.Object, start, _pos, null, properties, null);
            }
            if (c != ',')
            {
                throw new JsonSyntaxException("expected ',' or '}' after a property", _pos - 1);
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        var start = _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return new JsonNode(JsonKind.Array, start, _pos, null, null, items);
        }
        while (true)
        {
            SkipWhitespace();
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var c = Peek();
            _pos++;
            if (c == ']')
            {
                return new JsonNode(JsonKind.Array, start, _pos, null, null, items);
            }
            if (c != ',')
            {
                throw new JsonSyntaxException("expected ',' or ']' after an array item", _pos - 1);
            }
        }
    }

    private string ReadString()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new JsonSyntaxException("a string is not closed", start);
            }
            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c < ' ')
            {
                throw new JsonSyntaxException(
                    "a control character inside a string must be escaped",
                    _pos - 1
                );
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
            {
                throw new JsonSyntaxException("a string is not closed", start);
            }
            var e = _text[_pos++];
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    sb.Append(e);
                    break;
                case 'b':
                    sb.Append('\b');
                    break;
                case 'f':
                    sb.Append('\f');
                    break;
                case 'n':
                    sb.Append('\n');
                    break;
                case 'r':
                    sb.Append('\r');
                    break;
                case 't':
                    sb.Append('\t');
                    break;
                case 'u':
                    if (
                        _pos + 4 > _text.Length
                        || !int.TryParse(
                            _text.Substring(_pos, 4),
                            NumberStyles.HexNumber,
                            CultureInfo.InvariantCulture,
                            out var code
                        )
                    )
                    {
                        throw new JsonSyntaxException(
                            "\\u must be followed by four hex digits",
                            _pos - 2
                        );
                    }
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw new JsonSyntaxException($"'\\{e}' is not a JSON escape", _pos - 2);
            }
        }
    }

    private JsonNode ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }
        if (Peek() == '0')
        {
            _pos++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        else
        {
            throw new JsonSyntaxException("a number needs digits", _pos);
        }
        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek()))
            {
                throw new JsonSyntaxException("a decimal point must be followed by digits", _pos);
            }
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }
            if (!IsDigit(Peek()))
            {
                throw new JsonSyntaxException("an exponent needs digits", _pos);
            }
            while (IsDigit(Peek()))
            {
                _pos++;
            }
        }
        return new JsonNode(
            JsonKind.Number,
            start,
            _pos,
            _text.Substring(start, _pos - start),
            null,
            null
        );
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw new JsonSyntaxException(
                $"unexpected '{_text[_pos]}': did you mean {literal}?",
                _pos
            );
        }
        var start = _pos;
        _pos += literal.Length;
        return new JsonNode(kind, start, _pos, null, null, null);
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new JsonSyntaxException($"expected '{c}'", _pos);
        }
        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipWhitespace()
    {
        while (
            _pos < _text.Length
            && (
                _text[_pos] == ' '
                || _text[_pos] == '\t'
                || _text[_pos] == '\n'
                || _text[_pos] == '\r'
            )
        )
        {
            _pos++;
        }
    }
}

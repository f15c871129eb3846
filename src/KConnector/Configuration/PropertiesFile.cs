using System.Globalization;
using System.Text;

namespace KConnector.Configuration;

/// <summary>
/// Reads the Java <c>.properties</c> format that Kafka's <c>FileConfigProvider</c> reads
/// (java.util.Properties.load): <c>key=value</c>, <c>key: value</c> or <c>key value</c>; comments
/// starting with <c>#</c> or <c>!</c>; a trailing backslash continues a line; backslash escapes
/// (<c>\t \n \r \f \uXXXX</c>, others stand for the character itself).
/// </summary>
public static class PropertiesFile
{
    /// <summary>Parses <paramref name="text"/>; a later duplicate key wins, as in Java.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var logical in LogicalLines(text))
        {
            var line = logical.TrimStart(' ', '\t', '\f');
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }
            var keyEnd = 0;
            while (keyEnd < line.Length && line[keyEnd] is not ('=' or ':' or ' ' or '\t' or '\f'))
            {
                keyEnd += line[keyEnd] == '\\' ? 2 : 1;
            }
            keyEnd = Math.Min(keyEnd, line.Length);
            var valueStart = keyEnd;
            while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '\f')
            {
                valueStart++;
            }
            if (valueStart < line.Length && line[valueStart] is '=' or ':')
            {
                valueStart++;
                while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '\f')
                {
                    valueStart++;
                }
            }
            result[Unescape(line[..keyEnd])] = Unescape(line[valueStart..]);
        }
        return result;
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = current.Length > 0 ? raw.TrimStart(' ', '\t', '\f') : raw;
            // An odd number of trailing backslashes continues the line onto the next.
            var slashes = 0;
            for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
            {
                slashes++;
            }
            var isComment =
                current.Length == 0 && line.TrimStart(' ', '\t', '\f') is ['#' or '!', ..];
            if (slashes % 2 == 1 && !isComment)
            {
                current.Append(line, 0, line.Length - 1);
                continue;
            }
            current.Append(line);
            yield return current.ToString();
            current.Clear();
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal))
        {
            return s;
        }
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }
            var c = s[++i];
            switch (c)
            {
                case 't':
                    sb.Append('\t');
                    break;
                case 'n':
                    sb.Append('\n');
                    break;
                case 'r':
                    sb.Append('\r');
                    break;
                case 'f':
                    sb.Append('\f');
                    break;
                case 'u'
                    when i + 4 < s.Length
                        && int.TryParse(
                            s.AsSpan(i + 1, 4),
                            NumberStyles.HexNumber,
                            CultureInfo.InvariantCulture,
                            out var code
                        ):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}

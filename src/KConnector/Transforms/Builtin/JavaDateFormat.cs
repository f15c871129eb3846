using System.Text;
using KConnector.Errors;

namespace KConnector.Transforms.Builtin;

/// <summary>
/// Turns a <c>java.text.SimpleDateFormat</c> pattern (what Kafka Connect's TimestampRouter and
/// TimestampConverter take) into a .NET custom date format with the same output: the letters
/// y M d H h m s S a E, quoted text, and any other character as a literal. A letter it cannot
/// follow (week numbers, time zones) is a config error rather than a different topic name.
/// </summary>
internal static class JavaDateFormat
{
    public static string ToDotNet(string key, string pattern)
    {
        var result = new StringBuilder();
        for (var i = 0; i < pattern.Length; )
        {
            var c = pattern[i];
            if (c == '\'')
            {
                i = Quoted(pattern, i, result);
                continue;
            }
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }
            i += run;
            if (!char.IsAsciiLetter(c))
            {
                foreach (var _ in Enumerable.Range(0, run))
                {
                    result.Append('\\').Append(c);
                }
                continue;
            }
            result.Append(Letter(key, pattern, c, run));
        }
        // A one-letter .NET format string is a standard format ("d" is the short date): % makes it custom.
        return result.Length == 1 ? "%" + result : result.ToString();
    }

    private static string Letter(string key, string pattern, char letter, int run) =>
        letter switch
        {
            'y' => run == 2 ? "yy" : "yyyy",
            'M' => new string('M', Math.Min(run, 4)),
            'd' or 'H' or 'h' or 'm' or 's' => new string(letter, Math.Min(run, 2)),
            'S' => new string('f', Math.Min(run, 7)),
            'a' => "tt",
            'E' => run >= 4 ? "dddd" : "ddd",
            _ => throw new ConfigException(
                key,
                $"Invalid value {pattern} for configuration {key}: the SimpleDateFormat letter '{letter}' is not supported by KConnector (supported: y M d H h m s S a E and quoted text)"
            ),
        };

    // 'text' is literal text; '' is one quote.
    private static int Quoted(string pattern, int start, StringBuilder result)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '\'')
        {
            result.Append("\\'");
            return i + 1;
        }
        while (i < pattern.Length)
        {
            if (pattern[i] == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    result.Append("\\'");
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            result.Append('\\').Append(pattern[i]);
            i++;
        }
        return i;
    }
}

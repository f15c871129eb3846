using System.Globalization;

namespace KConnector.Testing.Tests;

/// <summary>Builds multi-line test inputs and expected diffs, each line ending with <c>\n</c>.</summary>
public static class TextLines
{
    /// <summary>Joins <paramref name="lines"/>, ending every one (the last included) with <c>\n</c>.</summary>
    public static string Of(params string[] lines) =>
        string.Concat(lines.Select(line => line + "\n"));

    /// <summary>The lines <c>line 1</c> to <c>line <paramref name="count"/></c>.</summary>
    public static string[] Numbered(int count) =>
        [
            .. Enumerable
                .Range(1, count)
                .Select(i => "line " + i.ToString(CultureInfo.InvariantCulture)),
        ];

    /// <summary><see cref="Numbered"/> with line <paramref name="lineNumber"/> (1-based) replaced.</summary>
    public static string[] NumberedWith(int count, int lineNumber, string replacement)
    {
        var lines = Numbered(count);
        lines[lineNumber - 1] = replacement;
        return lines;
    }
}

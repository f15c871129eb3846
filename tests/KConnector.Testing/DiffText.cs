namespace KConnector.Testing;

/// <summary>
/// A text split into lines for diffing, remembering whether its last line ended with a newline.
/// </summary>
internal sealed class DiffText
{
    private DiffText(string[] lines, bool endsWithNewline)
    {
        Lines = lines;
        EndsWithNewline = endsWithNewline;
    }

    /// <summary>The lines, without their line breaks.</summary>
    public string[] Lines { get; }

    /// <summary>
    /// Whether the last line ends with a newline; <see langword="true"/> for an empty text, which has no
    /// unterminated line to report.
    /// </summary>
    public bool EndsWithNewline { get; }

    /// <summary>Splits <paramref name="text"/> on <c>\n</c>, <c>\r\n</c> and <c>\r</c>.</summary>
    public static DiffText Parse(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (normalized.Length == 0)
        {
            return new DiffText([], endsWithNewline: true);
        }

        // A trailing newline terminates the last line rather than starting an empty one (as in diff -u).
        var endsWithNewline = normalized[^1] == '\n';
        var body = endsWithNewline ? normalized[..^1] : normalized;
        return new DiffText(body.Split('\n'), endsWithNewline);
    }

    /// <summary>Whether line <paramref name="index"/> is the last one and lacks a newline.</summary>
    public bool IsUnterminated(int index) => !EndsWithNewline && index == Lines.Length - 1;
}

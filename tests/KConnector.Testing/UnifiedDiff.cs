using System.Globalization;
using System.Text;

namespace KConnector.Testing;

/// <summary>
/// Produces a line-based unified diff in the format of GNU <c>diff -u</c>, for readable test failures.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>
    /// Creates a unified diff turning <paramref name="expected"/> into <paramref name="actual"/>.
    /// </summary>
    /// <remarks>
    /// Lines are split on <c>\n</c>, <c>\r\n</c> and <c>\r</c>, so line ending style alone is no difference.
    /// Hunk headers follow GNU diff: 1-based start lines, a count of 1 is omitted (<c>@@ -5 +5 @@</c>), and
    /// an empty range starts at the line before it (<c>@@ -0,0 +1,2 @@</c>). Changes separated by at most
    /// twice <paramref name="context"/> unchanged lines share a hunk. A last line without a newline is
    /// followed by <c>\ No newline at end of file</c>. Every output line, including the last, ends with
    /// <c>\n</c>.
    /// </remarks>
    /// <param name="expected">The old text, shown with <c>-</c>.</param>
    /// <param name="actual">The new text, shown with <c>+</c>.</param>
    /// <param name="expectedLabel">Shown after <c>---</c> in the header.</param>
    /// <param name="actualLabel">Shown after <c>+++</c> in the header.</param>
    /// <param name="context">Unchanged lines shown around each change; default 3, as in <c>diff -u</c>.</param>
    /// <returns>The diff, or an empty string when the texts have the same lines.</returns>
    public static string Create(
        string expected,
        string actual,
        string expectedLabel,
        string actualLabel,
        int context = 3
    )
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expectedLabel);
        ArgumentNullException.ThrowIfNull(actualLabel);
        ArgumentOutOfRangeException.ThrowIfNegative(context);

        var oldText = DiffText.Parse(expected);
        var newText = DiffText.Parse(actual);

        // Comparing small integers instead of strings keeps the quadratic part of the diff cheap. An
        // unterminated last line gets its own id so that a missing final newline shows up as a change.
        var ids = new Dictionary<(string Line, bool Unterminated), int>();
        var oldIds = IdsOf(oldText, ids);
        var newIds = IdsOf(newText, ids);

        var operations = LineEditScript.Compute(oldIds, newIds);
        var output = new StringBuilder();
        var start = NextChange(operations, 0);
        while (start < operations.Count)
        {
            var lastChange = start;
            var next = NextChange(operations, lastChange + 1);
            while (next < operations.Count && next - lastChange - 1 <= 2 * context)
            {
                lastChange = next;
                next = NextChange(operations, lastChange + 1);
            }

            if (output.Length == 0)
            {
                output.Append("--- ").Append(expectedLabel).Append('\n');
                output.Append("+++ ").Append(actualLabel).Append('\n');
            }

            var first = Math.Max(0, start - context);
            var end = Math.Min(operations.Count, lastChange + 1 + context);
            AppendHunk(output, operations, first, end, oldText, newText);
            start = next;
        }

        return output.ToString();
    }

    private static int[] IdsOf(DiffText text, Dictionary<(string Line, bool Unterminated), int> ids)
    {
        var result = new int[text.Lines.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var key = (text.Lines[i], text.IsUnterminated(i));
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids.Add(key, id);
            }

            result[i] = id;
        }

        return result;
    }

    private static int NextChange(List<DiffOperation> operations, int from)
    {
        var index = from;
        while (index < operations.Count && operations[index].Kind == DiffOperationKind.Equal)
        {
            index++;
        }

        return index;
    }

    private static void AppendHunk(
        StringBuilder output,
        List<DiffOperation> operations,
        int first,
        int end,
        DiffText oldText,
        DiffText newText
    )
    {
        int oldCount = 0,
            newCount = 0;
        for (var i = first; i < end; i++)
        {
            oldCount += operations[i].Kind == DiffOperationKind.Insert ? 0 : 1;
            newCount += operations[i].Kind == DiffOperationKind.Delete ? 0 : 1;
        }

        output
            .Append("@@ -")
            .Append(Range(operations[first].OldIndex, oldCount))
            .Append(" +")
            .Append(Range(operations[first].NewIndex, newCount))
            .Append(" @@\n");

        for (var i = first; i < end; i++)
        {
            var operation = operations[i];
            var (prefix, text, index) = operation.Kind switch
            {
                DiffOperationKind.Equal => (' ', oldText, operation.OldIndex),
                DiffOperationKind.Delete => ('-', oldText, operation.OldIndex),
                _ => ('+', newText, operation.NewIndex),
            };
            output.Append(prefix).Append(text.Lines[index]).Append('\n');
            if (text.IsUnterminated(index))
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    // GNU diff: "start,count", with ",1" left out, and an empty range named by the line before it.
    private static string Range(int zeroBasedStart, int count) =>
        count switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{zeroBasedStart},0"),
            1 => (zeroBasedStart + 1).ToString(CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{zeroBasedStart + 1},{count}"),
        };
}

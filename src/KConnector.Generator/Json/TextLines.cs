using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Json;

/// <summary>Maps character offsets of a file to lines and columns, for diagnostics.</summary>
internal sealed class TextLines
{
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly int _length;

    public TextLines(string text)
    {
        _length = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public LinePosition Position(int offset)
    {
        if (offset > _length)
        {
            offset = _length;
        }
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LinePositionSpan Span(int start, int end) => new(Position(start), Position(end));
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Models;

/// <summary>
/// An equatable stand-in for <see cref="Location"/> (which must not survive a pipeline step):
/// a file, a character span and its lines, enough to point an error into an .avsc file.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public Location ToLocation() => Location.Create(FilePath, Span, Lines);

    /// <summary>The 1-based line, as people and editors count.</summary>
    public int Line => Lines.Start.Line + 1;
}

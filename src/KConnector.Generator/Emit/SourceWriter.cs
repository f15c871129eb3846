using System;
using System.Text;

namespace KConnector.Generator.Emit;

/// <summary>
/// Writes C# with indentation that also applies to each line of a multi-line string, so that raw
/// string literals can hold code blocks (the approach of System.Text.Json's generator). Lines end
/// with \n whatever the platform, so snapshots compare byte for byte.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _sb = new();

    public int Indentation { get; set; }

    public SourceWriter WriteLine(string text = "")
    {
        if (text.Length == 0)
        {
            _sb.Append('\n');
            return this;
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length > 0)
            {
                _sb.Append(' ', Indentation * IndentSize);
            }
            _sb.Append(line).Append('\n');
        }
        return this;
    }

    /// <summary>Writes an opening brace, indents, and returns a scope that closes it.</summary>
    public Block WriteBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }
        WriteLine("{");
        Indentation++;
        return new Block(this);
    }

    public override string ToString() => _sb.ToString();

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;

        public Block(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer.Indentation--;
            _writer.WriteLine("}");
        }
    }
}

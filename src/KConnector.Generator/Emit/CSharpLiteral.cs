using System.Globalization;
using System.Text;

namespace KConnector.Generator.Emit;

/// <summary>C# regular string literals for generated code: one escaper for every emitter.</summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// <paramref name="text"/> as a quoted C# string literal. Control characters are always escaped;
    /// with <paramref name="escapeNonAscii"/> every character outside printable ASCII is too, so that
    /// generated files stay ASCII whatever the schema holds.
    /// </summary>
    public static string Quote(string text, bool escapeNonAscii = true)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < ' ' || (escapeNonAscii && c > '~'))
                    {
                        sb.Append("\\u")
                            .Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}

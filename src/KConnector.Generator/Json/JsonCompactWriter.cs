using System.Globalization;
using System.Text;

namespace KConnector.Generator.Json;

/// <summary>Writes a parsed document back as compact JSON: the schema text a registry receives.</summary>
internal static class JsonCompactWriter
{
    public static string Write(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(JsonNode node, StringBuilder sb)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                sb.Append('{');
                for (var i = 0; i < node.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    WriteString(node.Properties[i].Name, sb);
                    sb.Append(':');
                    Write(node.Properties[i].Value, sb);
                }
                sb.Append('}');
                break;
            case JsonKind.Array:
                sb.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(node.Items[i], sb);
                }
                sb.Append(']');
                break;
            case JsonKind.String:
                WriteString(node.Text!, sb);
                break;
            case JsonKind.Number:
                sb.Append(node.Text);
                break;
            case JsonKind.True:
                sb.Append("true");
                break;
            case JsonKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    public static void WriteString(string value, StringBuilder sb)
    {
        sb.Append('"');
        foreach (var c in value)
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
                    if (c < ' ')
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
        sb.Append('"');
    }
}

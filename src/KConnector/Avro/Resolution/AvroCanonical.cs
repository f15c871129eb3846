using System.Text;

namespace KConnector.Avro.Resolution;

/// <summary>
/// The Parsing Canonical Form of a runtime schema (spec "Parsing Canonical Form for Schemas"):
/// here only to tell whether a writer's schema is the reader's own, so that no plan is needed.
/// </summary>
internal static class AvroCanonical
{
    public static string Of(AvroSchemaNode schema)
    {
        var sb = new StringBuilder();
        Write(schema, sb, new HashSet<string>(StringComparer.Ordinal));
        return sb.ToString();
    }

    private static void Write(AvroSchemaNode s, StringBuilder sb, HashSet<string> written)
    {
        if (s.IsNamed && !written.Add(s.FullName))
        {
            sb.Append('"').Append(s.FullName).Append('"');
            return;
        }
        switch (s.Kind)
        {
            case AvroSchemaKind.Record:
                sb.Append("{\"name\":\"")
                    .Append(s.FullName)
                    .Append("\",\"type\":\"record\",\"fields\":[");
                for (var i = 0; i < s.Fields.Count; i++)
                {
                    sb.Append(i == 0 ? "{\"name\":\"" : ",{\"name\":\"")
                        .Append(s.Fields[i].Name)
                        .Append("\",\"type\":");
                    Write(s.Fields[i].Schema, sb, written);
                    sb.Append('}');
                }
                sb.Append("]}");
                return;
            case AvroSchemaKind.Enum:
                sb.Append("{\"name\":\"")
                    .Append(s.FullName)
                    .Append("\",\"type\":\"enum\",\"symbols\":[");
                sb.AppendJoin(',', s.Symbols.Select(x => "\"" + x + "\""));
                sb.Append("]}");
                return;
            case AvroSchemaKind.Fixed:
                sb.Append("{\"name\":\"")
                    .Append(s.FullName)
                    .Append("\",\"type\":\"fixed\",\"size\":")
                    .Append(s.Size)
                    .Append('}');
                return;
            case AvroSchemaKind.Array:
                sb.Append("{\"type\":\"array\",\"items\":");
                Write(s.Items!, sb, written);
                sb.Append('}');
                return;
            case AvroSchemaKind.Map:
                sb.Append("{\"type\":\"map\",\"values\":");
                Write(s.Items!, sb, written);
                sb.Append('}');
                return;
            case AvroSchemaKind.Union:
                sb.Append('[');
                for (var i = 0; i < s.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Write(s.Branches[i], sb, written);
                }
                sb.Append(']');
                return;
            default:
                sb.Append('"').Append(s.Kind.ToString().ToLowerInvariant()).Append('"');
                return;
        }
    }
}

using System.Text;

namespace KConnector.Connectors.File.Source;

/// <summary>Splits one CSV line (RFC 4180: quoted fields, "" for a quote inside; no line breaks inside fields).</summary>
internal static class CsvLine
{
    public static List<string?> Split(string line, char separator)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
        {
            throw new FormatException("a quoted field is not closed");
        }
        fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
        return fields;
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// Turns JSON names (property names, enum values, titles, file names) into C# identifiers:
/// PascalCase over the runs of letters and digits, so "first_name", "first-name" and
/// "firstName" all read FirstName.
/// </summary>
internal static class CSharpNames
{
    /// <summary>Members every generated type already has; a property of that name gets a suffix.</summary>
    private static readonly HashSet<string> Reserved = new()
    {
        "AdditionalProperties",
        "ReadJson",
        "WriteJson",
        "JsonSchemaText",
        "EqualityContract",
        "Equals",
        "GetHashCode",
        "ToString",
        "GetType",
        "Deconstruct",
        "PrintMembers",
        "MemberwiseClone",
        "Finalize",
    };

    public static string Pascal(string text, string fallback)
    {
        var sb = new StringBuilder();
        var upperNext = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }
        if (sb.Length == 0)
        {
            return fallback;
        }
        if (char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }
        return sb.ToString();
    }

    /// <summary>A member name unique among <paramref name="taken"/>, never the enclosing type's name.</summary>
    public static string UniqueMember(string candidate, string typeName, HashSet<string> taken)
    {
        var name = candidate;
        if (name == typeName || Reserved.Contains(name))
        {
            name += "Value";
        }
        var unique = name;
        for (var i = 2; !taken.Add(unique); i++)
        {
            unique = name + i.ToString(CultureInfo.InvariantCulture);
        }
        return unique;
    }

    /// <summary>The type name for a file without "title": order-line.schema.json -> OrderLine.</summary>
    public static string FromFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        const string suffix = ".schema.json";
        if (name.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - suffix.Length);
        }
        return Pascal(name, "Schema");
    }

    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }
        return true;
    }
}

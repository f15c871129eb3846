using System.Text;
using System.Text.Json;
using KConnector.Configuration;

namespace KConnector.Compiler;

/// <summary>
/// A Kafka Connect config in Java's <c>.properties</c> format, as <c>connect-standalone</c> reads
/// its files (<c>PropertiesFile</c>, Kafka's own reading of <c>java.util.Properties</c>): with
/// <c>connector.class</c>, a connector config, handed to the generator as the
/// <c>*.connector.json</c> of Kafka Connect's REST shape with the same keys (one per line, held in
/// memory); without, a worker config. A diagnostic on the JSON maps back to the file's own line.
/// </summary>
internal sealed class PropertiesSpec
{
    private readonly Dictionary<int, int> _lines;

    private PropertiesSpec(
        string path,
        IReadOnlyDictionary<string, string> values,
        string json,
        Dictionary<int, int> lines
    )
    {
        Path = path;
        Values = values;
        Json = json;
        _lines = lines;
    }

    /// <summary>The <c>.properties</c> file's full path.</summary>
    public string Path { get; }

    /// <summary>Every key and value of the file.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Whether the file is a connector config (it names <c>connector.class</c>).</summary>
    public bool IsConnector => Values.ContainsKey("connector.class");

    /// <summary>The path the generator sees: the file's, as a <c>*.connector.json</c> beside it.</summary>
    public string SpecPath => Path + ".connector.json";

    /// <summary>The spec text the generator reads.</summary>
    public string Json { get; }

    /// <summary>Whether <paramref name="path"/> names a Java properties file.</summary>
    public static bool IsProperties(string path) =>
        path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static PropertiesSpec Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var text = File.ReadAllText(full);
        var values = PropertiesFile.Parse(text);
        var keyLines = KeyLines(text, values.Keys);
        var json = new StringBuilder();
        var lines = new Dictionary<int, int>();
        json.Append("{\n");
        var line = 2;
        if (values.TryGetValue("name", out var name))
        {
            json.Append("  \"name\": ").Append(JsonSerializer.Serialize(name)).Append(",\n");
            lines[line++] = keyLines.GetValueOrDefault("name", 1);
        }
        json.Append("  \"config\": {");
        lines[line] = 1;
        var first = true;
        foreach (var (key, value) in values.Where(v => v.Key != "name"))
        {
            json.Append(first ? "\n" : ",\n");
            first = false;
            json.Append("    ")
                .Append(JsonSerializer.Serialize(key))
                .Append(": ")
                .Append(JsonSerializer.Serialize(value));
            lines[++line] = keyLines.GetValueOrDefault(key, 1);
        }
        json.Append("\n  }\n}\n");
        return new PropertiesSpec(full, values, json.ToString(), lines);
    }

    /// <summary>The file's line (1-based) of the spec's line <paramref name="specLine"/> (1-based).</summary>
    public int LineOf(int specLine) => _lines.GetValueOrDefault(specLine, 1);

    // The line where each key is last given (a later duplicate wins, as in Java).
    private static Dictionary<string, int> KeyLines(string text, IEnumerable<string> keys)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart(' ', '\t', '\f');
            var end = line.IndexOfAny(['=', ':', ' ', '\t', '\f']);
            var key = end < 0 ? line : line[..end];
            if (wanted.Contains(key))
            {
                result[key] = i + 1;
            }
        }
        return result;
    }
}

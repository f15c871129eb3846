using System.Text;
using System.Text.Json;

namespace KConnector.Compiler.Rest;

/// <summary>
/// A connector config given over REST as the <c>*.connector.json</c> spec of the same keys, held in
/// memory in the worker's working directory: <c>key.schema</c> and <c>value.schema</c> name schema
/// files relative to that directory (or absolute), compiled with the spec as <c>kconnector run</c>
/// compiles a spec and the schemas beside it; without them, the converters' strings or bytes.
/// </summary>
internal sealed record RestConfigSpec(
    string SpecPath,
    string Json,
    IReadOnlyList<string> SchemaFiles
)
{
    private static readonly string[] SchemaKeys = ["key.schema", "value.schema"];

    public static RestConfigSpec From(
        IReadOnlyDictionary<string, string> config,
        string baseDirectory
    )
    {
        var name = config.GetValueOrDefault("name") ?? "connector";
        var values = new Dictionary<string, string>(config, StringComparer.Ordinal);
        var schemas = new List<string>();
        foreach (var key in SchemaKeys)
        {
            if (!values.TryGetValue(key, out var written) || written.Length == 0)
            {
                continue;
            }
            var full = Path.GetFullPath(written, baseDirectory);
            values[key] = Path.GetRelativePath(baseDirectory, full).Replace('\\', '/');
            schemas.Add(full);
            // Named types and $refs a schema refers to live beside it, as a project's schema files do.
            if (Path.GetDirectoryName(full) is { } directory && Directory.Exists(directory))
            {
                schemas.AddRange(
                    SpecCompiler
                        .SchemaFilePatterns.SelectMany(p => Directory.EnumerateFiles(directory, p))
                        .Order(StringComparer.Ordinal)
                );
            }
        }
        return new RestConfigSpec(
            Path.Combine(baseDirectory, FileName(name) + ".connector.json"),
            SpecJson(name, values),
            [.. schemas.Where(File.Exists).Distinct(StringComparer.Ordinal)]
        );
    }

    private static string SpecJson(string name, Dictionary<string, string> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteStartObject("config");
            foreach (var (key, value) in values.Where(v => v.Key != "name"))
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The connector's name as a file name (the generator derives type names from it too).
    private static string FileName(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        return safe.Length == 0 ? "connector" : safe.ToString();
    }
}

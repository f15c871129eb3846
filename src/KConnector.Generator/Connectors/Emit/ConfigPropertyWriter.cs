using System.Collections.Generic;
using KConnector.Generator.Emit;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes typed config properties over a <c>ParsedConfig</c>: the constructor's reads, the
/// properties with their docs, and the <c>AppendValues</c> lines behind <c>ToString</c> (secrets
/// hidden). One writer for the runtime's framework base classes (FrameworkConfig) and each
/// generated {Name}Config, so a key reads and prints the same wherever it is typed.
/// </summary>
internal static class ConfigPropertyWriter
{
    private const string Cfg = "global::KConnector.Configuration";

    /// <summary>Whether the property can be null: neither required nor defaulted.</summary>
    public static bool Nullable(ConfigKeyModel key) =>
        !key.Required && key.Default is null && key.Type != ConfigKeyType.List;

    public static string CSharpType(ConfigKeyModel key)
    {
        var type = key.Type switch
        {
            ConfigKeyType.Boolean => "bool",
            ConfigKeyType.Int => "int",
            ConfigKeyType.Long => "long",
            ConfigKeyType.Double => "double",
            ConfigKeyType.List => "global::System.Collections.Generic.IReadOnlyList<string>",
            ConfigKeyType.Password => Cfg + ".Password",
            _ => "string",
        };
        return Nullable(key) ? type + "?" : type;
    }

    /// <summary>One <c>Property = parsed.Get...;</c> line per key, for the constructor's body.</summary>
    public static void WriteReads(SourceWriter w, IEnumerable<ConfigKeyModel> keys)
    {
        foreach (var key in keys)
        {
            w.WriteLine($"{key.PropertyName} = {Read(key)};");
        }
    }

    /// <summary>Each key's property, documented with the key's name and its definition's doc.</summary>
    public static void WriteProperties(SourceWriter w, IEnumerable<ConfigKeyModel> keys)
    {
        foreach (var key in keys)
        {
            w.WriteLine();
            w.WriteLine(
                $"/// <summary><c>{EmitText.Xml(key.Name)}</c>: {EmitText.Xml(key.Doc)}</summary>"
            );
            w.WriteLine($"public {CSharpType(key)} {key.PropertyName} {{ get; }}");
        }
    }

    /// <summary>
    /// <c>AppendValues</c>: the keys' <c>key=value</c> lines after the base class's, secrets shown
    /// as [hidden] (what <c>ToString</c> prints). <paramref name="overrides"/>: whether a base class
    /// has lines of its own.
    /// </summary>
    public static void WriteAppendValues(
        SourceWriter w,
        IReadOnlyCollection<ConfigKeyModel> keys,
        bool overrides
    )
    {
        w.WriteLine(
            "/// <summary>Appends a <c>key=value</c> line per key, secrets shown as [hidden].</summary>"
        );
        using (
            w.WriteBlock(
                $"protected {(overrides ? "override" : "virtual")} void AppendValues(global::System.Text.StringBuilder text)"
            )
        )
        {
            if (overrides)
            {
                w.WriteLine("base.AppendValues(text);");
            }
            foreach (var key in keys)
            {
                w.WriteLine(
                    $"text.Append({EmitText.Literal(key.Name + "=")}).Append({Text(key)}).Append('\\n');"
                );
            }
        }
    }

    private static string Text(ConfigKeyModel key) =>
        key.Type switch
        {
            ConfigKeyType.Password =>
                $"{key.PropertyName} is null ? \"null\" : {Cfg}.Password.Hidden",
            ConfigKeyType.List => $"string.Join(\",\", {key.PropertyName})",
            ConfigKeyType.Boolean =>
                $"{key.PropertyName}{(Nullable(key) ? "?" : string.Empty)}.ToString()",
            ConfigKeyType.String => key.PropertyName,
            _ =>
                $"{key.PropertyName}{(Nullable(key) ? "?" : string.Empty)}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        };

    /// <summary>The expression reading a key from <c>parsed</c>, a ParsedConfig, as its property's type.</summary>
    public static string Read(ConfigKeyModel key)
    {
        var type = CSharpType(key);
        var name = EmitText.Literal(key.Name);
        if (key.Type == ConfigKeyType.List)
        {
            return $"parsed.Get<{type}>({name}) ?? global::System.Array.Empty<string>()";
        }
        if (Nullable(key))
        {
            return $"parsed.Get<{type}>({name})";
        }
        // Valid configs always hold a value here; the fallback only matters for an invalid one.
        return key.Type switch
        {
            ConfigKeyType.String => $"parsed.Get<string>({name}) ?? string.Empty",
            ConfigKeyType.Password =>
                $"parsed.Get<{type}>({name}) ?? new {Cfg}.Password(string.Empty)",
            _ => $"parsed.Get<{type}>({name})",
        };
    }
}

using System.Linq;
using KConnector.Generator.Emit;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes {TypeName}Config: a typed property per config key, <c>Definition</c> (the ConfigDef a CLI or
/// REST layer serves), <c>Validate</c> (every issue at once) and <c>Parse</c>, and a <c>ToString</c>
/// that hides secrets.
/// </summary>
internal static class ConnectorConfigEmitter
{
    private const string Cfg = "global::KConnector.Configuration";

    public static string Emit(ConnectorModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        var type = model.TypeName + "Config";
        w.WriteLine("/// <summary>");
        w.WriteLine(
            $"/// The config of the {Kind(model)} connector \"{EmitText.Xml(model.ConnectorName)}\" ({EmitText.Xml(model.ConnectorClass)}), typed and validated:"
        );
        w.WriteLine(
            "/// <see cref=\"Parse\"/> reports every invalid key at once and resolves <c>${env:NAME}</c> and <c>${file:path:key}</c> references."
        );
        w.WriteLine("/// </summary>");
        w.WriteLine(EmitText.GeneratedCode);
        using (w.WriteBlock($"{model.Access} sealed partial class {type}"))
        {
            WriteDefinition(w, model);
            w.WriteLine();
            WriteSpecValues(w, model);
            w.WriteLine();
            WriteProperties(w, model, type);
            w.WriteLine();
            WriteValidateAndParse(w, model, type);
            w.WriteLine();
            WriteToString(w, model);
        }
        return EmitText.End(w, model.Namespace);
    }

    private static void WriteSpecValues(SourceWriter w, ConnectorModel model)
    {
        w.WriteLine(
            model.UserClass
                ? "/// <summary>Values given in code; none for an attribute connector (its defaults are in <see cref=\"Definition\"/>).</summary>"
                : $"/// <summary>The values written in {EmitText.Xml(model.SourceDescription)}; configuration given at run time overrides them.</summary>"
        );
        w.WriteLine(
            "public static global::System.Collections.Generic.IReadOnlyDictionary<string, string?> SpecValues { get; } ="
        );
        w.Indentation++;
        w.WriteLine(
            "new global::System.Collections.Generic.Dictionary<string, string?>(global::System.StringComparer.Ordinal)"
        );
        w.WriteLine("{");
        w.Indentation++;
        foreach (var value in model.SpecValues)
        {
            w.WriteLine($"[{EmitText.Literal(value.Key)}] = {EmitText.Literal(value.Value)},");
        }
        w.Indentation--;
        w.WriteLine("};");
        w.Indentation--;
    }

    /// <summary>The constructor over the validated values and a typed property per key.</summary>
    private static void WriteProperties(SourceWriter w, ConnectorModel model, string type)
    {
        using (w.WriteBlock($"private {type}({Cfg}.ParsedConfig parsed)"))
        {
            w.WriteLine("Parsed = parsed;");
            foreach (var key in model.Keys)
            {
                w.WriteLine($"{key.PropertyName} = {Read(key)};");
            }
        }
        w.WriteLine();
        w.WriteLine(
            "/// <summary>The validated values, including keys this class does not type (such as client overrides).</summary>"
        );
        w.WriteLine($"public {Cfg}.ParsedConfig Parsed {{ get; }}");
        foreach (var key in model.Keys)
        {
            w.WriteLine();
            w.WriteLine(
                $"/// <summary><c>{EmitText.Xml(key.Name)}</c>: {EmitText.Xml(key.Doc)}</summary>"
            );
            w.WriteLine($"public {CSharpType(key)} {key.PropertyName} {{ get; }}");
        }
    }

    private static void WriteValidateAndParse(SourceWriter w, ConnectorModel model, string type)
    {
        w.WriteLine(
            "/// <summary>Checks <paramref name=\"values\"/> (the converters' key.converter.* / value.converter.* settings too) and returns the typed values with every issue found.</summary>"
        );
        w.WriteLine(
            $"public static {Cfg}.ParsedConfig Validate(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values, {Cfg}.ConfigValueResolver? resolver = null) =>"
        );
        w.WriteLine(
            $"    {Cfg}.Framework.ConnectorConfigRules.Check{(model.Kind == ConnectorKind.Sink ? "Sink" : "Source")}(global::KConnector.GeneratedCode.ConnectorWorkerOptions.CheckConverterSettings(Definition.Parse(values, resolver ?? {Cfg}.ConfigValueResolver.Default)));"
        );
        w.WriteLine();
        w.WriteLine(
            "/// <summary>Validates <paramref name=\"values\"/>; throws a <see cref=\"global::KConnector.Configuration.ConfigValidationException\"/> listing every issue.</summary>"
        );
        using (
            w.WriteBlock(
                $"public static {type} Parse(global::System.Collections.Generic.IReadOnlyDictionary<string, string?> values, {Cfg}.ConfigValueResolver? resolver = null)"
            )
        )
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(values);");
            w.WriteLine("var parsed = Validate(values, resolver);");
            w.WriteLine(
                $"return new {type}(parsed.ThrowIfInvalid(parsed.Get<string>(\"name\") ?? {EmitText.Literal(model.ConnectorName)}));"
            );
        }
    }

    private static void WriteToString(SourceWriter w, ConnectorModel model)
    {
        w.WriteLine(
            "/// <summary>Every key and value, secrets shown as [hidden]: safe to log.</summary>"
        );
        using (w.WriteBlock("public override string ToString()"))
        {
            w.WriteLine("var text = new global::System.Text.StringBuilder();");
            foreach (var key in model.Keys)
            {
                var value = key.Type switch
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
                w.WriteLine(
                    $"text.Append({EmitText.Literal(key.Name + "=")}).Append({value}).Append('\\n');"
                );
            }
            w.WriteLine("return text.ToString();");
        }
    }

    /// <summary>
    /// <c>Definition</c> extends the runtime's: the framework keys of the connector's kind
    /// (<c>ConnectorConfigDefinition.ForSink/ForSource</c>) with the few this connector adapts, then
    /// its own keys (its plugin descriptor's <c>Definition</c>, or an attribute connector's keys
    /// written here, where they are defined). No framework key is written again.
    /// </summary>
    private static void WriteDefinition(SourceWriter w, ConnectorModel model)
    {
        w.WriteLine(
            "/// <summary>The connector's config keys, as Kafka Connect's ConfigDef: the framework's keys of its kind, then its own.</summary>"
        );
        w.WriteLine($"public static {Cfg}.ConfigDefinition Definition {{ get; }} =");
        w.Indentation++;
        var kind = model.Kind == ConnectorKind.Sink ? "Sink" : "Source";
        w.WriteLine(
            $"{Cfg}.Framework.ConnectorConfigDefinition.For{kind}({EmitText.Literal(model.ConnectorClass)})"
        );
        w.Indentation++;
        foreach (var key in model.Keys.Take(model.FrameworkKeyCount).Where(ConnectorKeys.IsAdapted))
        {
            WriteOverride(w, key);
        }
        var own = model.Keys.Skip(model.FrameworkKeyCount).ToList();
        if (model.OwnKeysDefinition is { } descriptor)
        {
            w.WriteLine($".Extend({descriptor}.Definition);");
        }
        else if (own.Count > 0)
        {
            w.WriteLine($".Extend(new {Cfg}.ConfigKey[]");
            w.WriteLine("{");
            w.Indentation++;
            foreach (var key in own)
            {
                Plugins.ConfigDefinitionWriter.WriteKey(w, key);
            }
            w.Indentation--;
            w.WriteLine("});");
        }
        else
        {
            w.WriteLine($".Extend(global::System.Array.Empty<{Cfg}.ConfigKey>());");
        }
        w.Indentation -= 2;
    }

    /// <summary>One adapted framework key: its default and allowed values as this connector has them.</summary>
    private static void WriteOverride(SourceWriter w, ConfigKeyModel key)
    {
        var changes = $"DefaultValue = {EmitText.Literal(key.Default)}";
        if (key.Name is ConfigKeyNames.Name)
        {
            changes += ", Required = false";
        }
        if (key.OneOf.Count > 0)
        {
            changes +=
                $", OneOf = new[] {{ {string.Join(", ", key.OneOf.Select(EmitText.Literal))} }}";
        }
        w.WriteLine($".Override({EmitText.Literal(key.Name)}, key => key with {{ {changes} }})");
    }

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

    private static string Read(ConfigKeyModel key)
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

    private static string Kind(ConnectorModel model) =>
        model.Kind == ConnectorKind.Source ? "source" : "sink";
}

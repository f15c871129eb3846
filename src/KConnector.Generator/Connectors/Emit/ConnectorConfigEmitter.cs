using System.Linq;
using KConnector.Generator.Emit;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Writes {TypeName}Config on the runtime's Sink/SourceConnectorConfigBase (which types the framework
/// keys and prints them, secrets hidden): a typed property per key of the connector's own,
/// <c>Definition</c> (the ConfigDef a CLI or REST layer serves), <c>Validate</c> (every issue at
/// once) and <c>Parse</c>.
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
        var baseType =
            model.Kind == ConnectorKind.Sink
                ? "global::KConnector.GeneratedCode.SinkConnectorConfigBase"
                : "global::KConnector.GeneratedCode.SourceConnectorConfigBase";
        using (w.WriteBlock($"{model.Access} sealed partial class {type} : {baseType}"))
        {
            WriteDefinition(w, model);
            w.WriteLine();
            WriteSpecValues(w, model);
            w.WriteLine();
            WriteOwnProperties(w, model, type);
            w.WriteLine();
            WriteValidateAndParse(w, model, type);
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

    /// <summary>
    /// The constructor over the validated values and a typed property per key of the connector's
    /// own: the framework keys are typed once, by the runtime base class it extends.
    /// </summary>
    private static void WriteOwnProperties(SourceWriter w, ConnectorModel model, string type)
    {
        var own = OwnKeys(model);
        using (w.WriteBlock($"private {type}({Cfg}.ParsedConfig parsed) : base(parsed)"))
        {
            ConfigPropertyWriter.WriteReads(w, own);
        }
        ConfigPropertyWriter.WriteProperties(w, own);
        if (own.Count > 0)
        {
            w.WriteLine();
            ConfigPropertyWriter.WriteAppendValues(w, own, overrides: true);
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
        var own = OwnKeys(model);
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

    private static System.Collections.Generic.List<ConfigKeyModel> OwnKeys(ConnectorModel model) =>
        model.Keys.Skip(model.FrameworkKeyCount).ToList();

    private static string Kind(ConnectorModel model) =>
        model.Kind == ConnectorKind.Source ? "source" : "sink";
}

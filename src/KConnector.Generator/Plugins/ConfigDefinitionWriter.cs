using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Emit;

namespace KConnector.Generator.Plugins;

/// <summary>
/// Writes <c>public static ConfigDefinition Definition { get; } = new(...)</c> from key models: the
/// one way a definition becomes runtime code, for a plugin descriptor, a framework key set and a
/// generated connector's config class alike.
/// </summary>
internal static class ConfigDefinitionWriter
{
    private const string Cfg = "global::KConnector.Configuration";

    /// <param name="crossKeyRules">The descriptor's <c>ValidateAcrossKeys</c> method group, or null when it has none.</param>
    /// <param name="exactlyOnceSupport">The descriptor's <c>ExactlyOnceSupport</c> method group, or null when it has none.</param>
    /// <param name="transactionBoundaries">The descriptor's <c>CanDefineTransactionBoundaries</c> method group, or null when it has none.</param>
    public static void Write(
        SourceWriter w,
        string className,
        IEnumerable<ConfigKeyModel> keys,
        string? crossKeyRules = null,
        string? exactlyOnceSupport = null,
        string? transactionBoundaries = null
    )
    {
        w.WriteLine($"public static {Cfg}.ConfigDefinition Definition {{ get; }} =");
        w.Indentation++;
        w.WriteLine("new(");
        w.Indentation++;
        w.WriteLine(EmitText.Literal(className) + ",");
        w.WriteLine($"new {Cfg}.ConfigKey[]");
        w.WriteLine("{");
        w.Indentation++;
        foreach (var key in keys)
        {
            WriteKey(w, key);
        }
        w.Indentation--;
        w.WriteLine("}");
        w.Indentation--;
        var members = new (string Name, string? Value)[]
        {
            ("CrossKeyRules", crossKeyRules),
            ("ExactlyOnceSupport", exactlyOnceSupport),
            ("CanDefineTransactionBoundaries", transactionBoundaries),
        }.Where(m => m.Value is not null);
        w.WriteLine(members.Any() ? ")" : ");");
        if (members.Any())
        {
            w.WriteLine("{");
            foreach (var (name, value) in members)
            {
                w.WriteLine($"    {name} = {value},");
            }
            w.WriteLine("};");
        }
        w.Indentation--;
    }

    internal static void WriteKey(SourceWriter w, ConfigKeyModel key)
    {
        w.WriteLine("new()");
        w.WriteLine("{");
        w.Indentation++;
        w.WriteLine($"Name = {EmitText.Literal(key.Name)},");
        w.WriteLine($"Type = {Cfg}.ConfigType.{key.Type},");
        if (key.Default is not null)
        {
            w.WriteLine($"DefaultValue = {EmitText.Literal(key.Default)},");
        }
        if (key.Required)
        {
            w.WriteLine("Required = true,");
        }
        w.WriteLine($"Importance = {Cfg}.ConfigImportance.{key.Importance},");
        w.WriteLine($"Documentation = {EmitText.Literal(key.Doc)},");
        w.WriteLine($"Group = {EmitText.Literal(key.Group)},");
        if (key.Min is not null)
        {
            w.WriteLine($"Min = {key.Min},");
        }
        if (key.Max is not null)
        {
            w.WriteLine($"Max = {key.Max},");
        }
        if (key.Pattern is not null)
        {
            w.WriteLine($"Pattern = {EmitText.Literal(key.Pattern)},");
        }
        WriteList(w, "OneOf", key.OneOf);
        WriteList(w, "RecommendedValues", key.Recommended);
        if (key.RequiredWhenKey is not null)
        {
            w.WriteLine($"RequiredWhenKey = {EmitText.Literal(key.RequiredWhenKey)},");
            WriteList(w, "RequiredWhenValues", key.RequiredWhenValues);
        }
        w.Indentation--;
        w.WriteLine("},");
    }

    private static void WriteList(
        SourceWriter w,
        string property,
        IReadOnlyCollection<string> values
    )
    {
        if (values.Count > 0)
        {
            w.WriteLine(
                $"{property} = new[] {{ {string.Join(", ", values.Select(EmitText.Literal))} }},"
            );
        }
    }
}

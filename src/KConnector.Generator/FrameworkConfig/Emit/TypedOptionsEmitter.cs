using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Emit;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// Completes a connector's <c>[TypedConfigKeys]</c> options record: an <c>init</c> property per
/// key it does not type by hand, the parameterless constructor that starts every typed key at the
/// definition's default, and the constructor that reads them from validated values (the record's
/// <c>Parse</c> adds what it types by hand in an object initializer).
/// </summary>
internal static class TypedOptionsEmitter
{
    private const string Cfg = "global::KConnector.Configuration";

    public static string Emit(TypedOptionsModel model)
    {
        var w = EmitText.Begin(model.Namespace);
        w.WriteLine(EmitText.GeneratedCode);
        using (w.WriteBlock("partial record " + model.TypeName))
        {
            WriteDefaults(w, model);
            w.WriteLine();
            WriteReading(w, model);
            foreach (
                var property in model.Properties.Where(p => p.Kind == OptionsPropertyKind.Generated)
            )
            {
                var key = property.Key;
                w.WriteLine();
                w.WriteLine(
                    $"/// <summary><c>{EmitText.Xml(key.Name)}</c>: {EmitText.Xml(key.Doc)}</summary>"
                );
                var required = key.Required ? "required " : string.Empty;
                w.WriteLine(
                    $"public {required}{ConfigPropertyWriter.CSharpType(key)} {key.PropertyName} {{ get; init; }}"
                );
            }
        }
        return EmitText.End(w, model.Namespace);
    }

    private static void WriteDefaults(SourceWriter w, TypedOptionsModel model)
    {
        w.WriteLine(
            "/// <summary>The options with every key at its definition's default (required keys still to be given).</summary>"
        );
        using (w.WriteBlock($"public {model.TypeName}()"))
        {
            foreach (var property in model.Properties)
            {
                if (ConfigDefaultLiteral.For(property) is { } value)
                {
                    w.WriteLine($"{property.Key.PropertyName} = {value};");
                }
            }
        }
    }

    private static void WriteReading(SourceWriter w, TypedOptionsModel model)
    {
        w.WriteLine(
            "/// <summary>Reads the typed keys from <paramref name=\"parsed\"/>, the validated values; the keys typed by hand are the caller's to set.</summary>"
        );
        w.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        var access = model.IsSealed ? "private" : "protected";
        // The caller's object initializer sets what the record types by hand (a required
        // connection, say): the compiler cannot see that from here.
        var byHand = model.Properties.Any(p => p.Kind == OptionsPropertyKind.ByHand);
        if (byHand)
        {
            w.WriteLine("#pragma warning disable CS8618");
        }
        using (w.WriteBlock($"{access} {model.TypeName}({Cfg}.ParsedConfig parsed)"))
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(parsed);");
            foreach (var property in model.Properties)
            {
                if (Read(property) is { } read)
                {
                    w.WriteLine($"{property.Key.PropertyName} = {read};");
                }
            }
        }
        if (byHand)
        {
            w.WriteLine("#pragma warning restore CS8618");
        }
    }

    private static string? Read(OptionsPropertyModel property)
    {
        var key = property.Key;
        var name = EmitText.Literal(key.Name);
        switch (property.Kind)
        {
            case OptionsPropertyKind.Generated:
            case OptionsPropertyKind.Natural:
                return key.Type == ConfigKeyType.String && key.OneOf.Count > 0
                    ? AllowedValueRead(key, name)
                    : ConfigPropertyWriter.Read(key);
            case OptionsPropertyKind.Enum:
                return EnumRead(property, name);
            case OptionsPropertyKind.Milliseconds:
                return $"global::System.TimeSpan.FromMilliseconds(parsed.Get<{(key.Type == ConfigKeyType.Int ? "int" : "long")}>({name}))";
            case OptionsPropertyKind.Character:
                // A value of another length is the record's own check to refuse, naming the key.
                return $"parsed.Get<string>({name}) is {{ Length: 1 }} character ? character[0] : default";
            default:
                return null;
        }
    }

    /// <summary>
    /// An allowed value as the definition spells it: they are compared ignoring case, so code
    /// comparing the option to one of them need not.
    /// </summary>
    private static string AllowedValueRead(ConfigKeyModel key, string name)
    {
        var arms = key.OneOf.Select(v =>
            $"{EmitText.Literal(v.ToLowerInvariant())} => {EmitText.Literal(v)}, "
        );
        var other = ConfigPropertyWriter.Nullable(key) ? "other" : "other ?? string.Empty";
        return $"parsed.Get<string>({name})?.ToLowerInvariant() switch {{ {string.Concat(arms)}var other => {other} }}";
    }

    /// <summary>
    /// A switch from the key's value (its allowed values, ignoring case, else the members' names)
    /// to the enum member of the same letters; a value no member answers (the key's allowed values
    /// refuse it first) reads as the default's member.
    /// </summary>
    private static string EnumRead(OptionsPropertyModel property, string name)
    {
        var fallback =
            property.Key.Default is { } d && ConfigDefaultLiteral.EnumMember(property, d) is { } m
                ? property.TypeName + "." + m
                : $"default({property.TypeName})";
        var values =
            property.Key.OneOf.Count > 0
                ? property.Key.OneOf.Select(v =>
                    (Value: v, Member: ConfigDefaultLiteral.EnumMember(property, v))
                )
                : property.EnumMembers.Select(m => (Value: m, Member: (string?)m));
        var arms = values
            .Where(v => v.Member is not null)
            .Select(v =>
                $"{EmitText.Literal(v.Value.ToLowerInvariant())} => {property.TypeName}.{v.Member}, "
            );
        return $"parsed.Get<string>({name})?.ToLowerInvariant() switch {{ {string.Concat(arms)}_ => {fallback} }}";
    }
}

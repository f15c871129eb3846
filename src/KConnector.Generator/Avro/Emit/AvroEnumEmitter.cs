using System.Globalization;
using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

/// <summary>
/// An Avro enum becomes a C# enum whose members are the symbols in schema order (the member's
/// value is the symbol's index, which is what the binary encoding writes), plus a static class
/// <c>{Name}Avro</c> with its schema and symbol names, since a C# enum cannot hold members.
/// </summary>
internal static class AvroEnumEmitter
{
    public static void Emit(SourceWriter w, AvroGeneratedType type)
    {
        var def = type.Definition;
        var name = def.TypeName;
        var members = CSharpIdentifier.EnumMembers(def.Symbols, name);
        AvroTypeEmitter.WriteDoc(
            w,
            def.Doc ?? "Generated from the Avro enum " + def.FullName + "."
        );
        AvroTypeEmitter.WriteGeneratedCode(w);
        using (w.WriteBlock($"{def.Access} enum {name}"))
        {
            for (var i = 0; i < def.Symbols.Count; i++)
            {
                w.WriteLine($"/// <summary>The symbol \"{def.Symbols[i]}\".</summary>");
                w.WriteLine($"{members[i]} = {i.ToString(CultureInfo.InvariantCulture)},");
            }
        }
        w.WriteLine();
        AvroTypeEmitter.WriteDoc(w, "The Avro schema and symbol names of the enum " + name + ".");
        AvroTypeEmitter.WriteGeneratedCode(w);
        using (w.WriteBlock($"{def.Access} static class {CSharpIdentifier.Unescaped(name)}Avro"))
        {
            AvroTypeEmitter.WriteSchemaMembers(w, type, "static ");
            w.WriteLine();
            w.WriteLine("/// <summary>The symbols, indexed by the enum's value.</summary>");
            w.WriteLine(
                "public static readonly string[] Symbols = { "
                    + string.Join(
                        ", ",
                        System.Linq.Enumerable.Select(def.Symbols, s => CSharpLiteral.Quote(s))
                    )
                    + " };"
            );
            w.WriteLine();
            w.WriteLine(
                "/// <summary>The default symbol's index (used by schema resolution for unknown symbols), or -1 when there is none.</summary>"
            );
            var defaultIndex = def.EnumDefault is null
                ? -1
                : System.Array.IndexOf(
                    System.Linq.Enumerable.ToArray(def.Symbols),
                    def.EnumDefault
                );
            w.WriteLine(
                "public const int DefaultIndex = "
                    + defaultIndex.ToString(CultureInfo.InvariantCulture)
                    + ";"
            );
            w.WriteLine();
            w.WriteLine("/// <summary>The symbol of <paramref name=\"value\"/>.</summary>");
            w.WriteLine(
                $"public static string ToSymbol({name} value) => (uint)value < (uint)Symbols.Length ? Symbols[(int)value] : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"not a symbol of {def.FullName}\");"
            );
        }
    }
}

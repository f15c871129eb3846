using System.Linq;
using KConnector.Generator.Emit;

namespace KConnector.Generator.JsonSchema;

/// <summary>String enums and oneOf/anyOf unions.</summary>
internal static partial class JsonSchemaEmitter
{
    private static void EmitEnum(SourceWriter w, JsonTypeDeclaration type)
    {
        WriteDoc(w, type.Doc ?? "Generated from the JSON Schema enum " + Origin(type) + ".");
        WriteGeneratedCode(w);
        using (w.WriteBlock($"{type.Access} enum {type.Name}"))
        {
            foreach (var member in type.Members)
            {
                WriteDoc(w, $"The JSON value \"{member.JsonName}\".");
                w.WriteLine(
                    $"[global::System.Text.Json.Serialization.JsonStringEnumMemberName({CSharpLiteral.Quote(member.JsonName)})]"
                );
                w.WriteLine(member.MemberName + ",");
            }
        }
        w.WriteLine();
        WriteDoc(w, $"Reads and writes {type.Name} with the JSON names of its schema.");
        WriteGeneratedCode(w);
        using (w.WriteBlock($"{type.Access} static class {type.Name}Json"))
        {
            WriteEnumRead(w, type);
            w.WriteLine();
            WriteEnumNames(w, type);
        }
    }

    private static void WriteEnumRead(SourceWriter w, JsonTypeDeclaration type)
    {
        var self = "global::" + type.FullName;
        WriteDoc(w, "Reads a JSON string that is one of the enum's values.");
        using (w.WriteBlock($"public static {self} Read(ref {Reader} reader)"))
        {
            w.WriteLine($"{Json}.JsonValueReaders.Start(ref reader);");
            using (
                w.WriteBlock(
                    "if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)"
                )
            )
            {
                w.WriteLine(
                    $"throw {Json}.JsonSchemaReadException.Unexpected(\"a string for {type.Name}\", reader.TokenType);"
                );
            }
            foreach (var member in type.Members)
            {
                using (
                    w.WriteBlock(
                        $"if (reader.ValueTextEquals({CSharpLiteral.Quote(member.JsonName)}u8))"
                    )
                )
                {
                    w.WriteLine($"return {self}.{member.MemberName};");
                }
            }
            var values = string.Join(
                ", ",
                type.Members.Select(m => "\\\"" + Escape(m.JsonName) + "\\\"")
            );
            w.WriteLine(
                $"throw new {Json}.JsonSchemaReadException(\"{type.Name}: expected one of {values}, found \\\"\" + reader.GetString() + \"\\\"\");"
            );
        }
    }

    /// <summary>ToJsonName and Write: a value's JSON name, as text and pre-encoded.</summary>
    private static void WriteEnumNames(SourceWriter w, JsonTypeDeclaration type)
    {
        var self = "global::" + type.FullName;
        var outOfRange =
            $"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"not a value of {type.Name}\"),";
        WriteDoc(w, "The JSON name of a value.");
        using (w.WriteBlock($"public static string ToJsonName({self} value)"))
        {
            w.WriteLine("return value switch");
            w.WriteLine("{");
            w.Indentation++;
            foreach (var member in type.Members)
            {
                w.WriteLine(
                    $"{self}.{member.MemberName} => {CSharpLiteral.Quote(member.JsonName)},"
                );
            }
            w.WriteLine(outOfRange);
            w.Indentation--;
            w.WriteLine("};");
        }
        w.WriteLine();
        WriteDoc(w, "Writes a value as its JSON name.");
        using (w.WriteBlock($"public static void Write({Writer} writer, {self} value)"))
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
            w.WriteLine("writer.WriteStringValue(value switch");
            w.WriteLine("{");
            w.Indentation++;
            foreach (var member in type.Members)
            {
                w.WriteLine($"{self}.{member.MemberName} => __{member.MemberName}Value,");
            }
            w.WriteLine(outOfRange);
            w.Indentation--;
            w.WriteLine("});");
        }
        w.WriteLine();
        foreach (var member in type.Members)
        {
            w.WriteLine(
                $"private static readonly global::System.Text.Json.JsonEncodedText __{member.MemberName}Value = global::System.Text.Json.JsonEncodedText.Encode({CSharpLiteral.Quote(member.JsonName)});"
            );
        }
    }

    private static void EmitUnion(SourceWriter w, JsonTypeDeclaration type)
    {
        var self = "global::" + type.FullName;
        var cases = string.Join(", ", type.Branches.Select(b => b.CaseName));
        WriteDoc(
            w,
            (type.Doc ?? "Generated from the JSON Schema union " + Origin(type) + ".")
                + "\nOne of: "
                + cases
                + " (nested records holding the value; switch over them)."
        );
        WriteGeneratedCode(w);
        using (
            w.WriteBlock($"{type.Access} abstract partial record {type.Name} : {Interface(type)}")
        )
        {
            WriteSchemaText(w, type);
            w.WriteLine("// Closed: only the nested cases below derive from this type.");
            w.WriteLine($"private {type.Name}() {{ }}");
            foreach (var branch in type.Branches)
            {
                w.WriteLine();
                WriteDoc(w, $"The branch holding {Describe(branch.Type)}.");
                w.WriteLine(
                    $"public sealed partial record {branch.CaseName}({JsonTypeExpressions.CSharpType(branch.Type)} Value) : {self};"
                );
            }
            w.WriteLine();
            WriteDoc(
                w,
                "Reads the branch the current JSON value matches: branches whose JSON kind fits are tried in the schema's order, and the first that reads without error wins."
            );
            EmitUnionReadJson(w, type, self, cases);
            w.WriteLine();
            WriteDoc(w, "Writes the value of whichever branch the value is.");
            EmitUnionWriteJson(w, type, self);
        }
    }

    /// <summary>The union's ReadJson: each branch whose JSON kind fits is tried on a copy of the reader, in the schema's order.</summary>
    private static void EmitUnionReadJson(
        SourceWriter w,
        JsonTypeDeclaration type,
        string self,
        string cases
    )
    {
        using (w.WriteBlock($"public static {self} ReadJson(ref {Reader} reader)"))
        {
            w.WriteLine($"{Json}.JsonValueReaders.Start(ref reader);");
            w.WriteLine("var __token = reader.TokenType;");
            w.WriteLine("global::System.Exception? __last = null;");
            foreach (var branch in type.Branches)
            {
                using (
                    w.WriteBlock(
                        $"if ({JsonTypeExpressions.TokenCondition(branch.Type, "__token")})"
                    )
                )
                {
                    w.WriteLine("var __probe = reader;");
                    using (w.WriteBlock("try"))
                    {
                        w.WriteLine(
                            $"var __value = {JsonTypeExpressions.Read(branch.Type, "__probe", 1)};"
                        );
                        w.WriteLine("reader = __probe;");
                        w.WriteLine($"return new {self}.{branch.CaseName}(__value);");
                    }
                    using (
                        w.WriteBlock(
                            $"catch (global::System.Exception __e) when ({Json}.JsonSchemaReadException.IsReadFailure(__e))"
                        )
                    )
                    {
                        w.WriteLine("__last = __e;");
                    }
                }
            }
            w.WriteLine(
                $"throw new {Json}.JsonSchemaReadException(\"{type.Name}: the value matches none of the branches {cases}\", __last);"
            );
        }
    }

    /// <summary>The union's WriteJson: a switch over the cases.</summary>
    private static void EmitUnionWriteJson(SourceWriter w, JsonTypeDeclaration type, string self)
    {
        using (w.WriteBlock($"public static void WriteJson({Writer} writer, {self} value)"))
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
            using (w.WriteBlock("switch (value)"))
            {
                foreach (var branch in type.Branches)
                {
                    w.WriteLine($"case {self}.{branch.CaseName} __case:");
                    w.Indentation++;
                    w.WriteLine(
                        JsonTypeExpressions.Write(branch.Type, "writer", "__case.Value", 1)
                    );
                    w.WriteLine("break;");
                    w.Indentation--;
                }
                w.WriteLine("default:");
                w.Indentation++;
                w.WriteLine(
                    $"throw new global::System.ArgumentException(\"not a case of {type.Name}\", nameof(value));"
                );
                w.Indentation--;
            }
        }
    }

    private static string Describe(JsonTypeRef type) =>
        type.Kind switch
        {
            JsonTypeKind.Record or JsonTypeKind.Enum or JsonTypeKind.Union => "a " + type.Target,
            JsonTypeKind.Array => "an array",
            JsonTypeKind.Map => "an object of "
                + type.Element!.Kind.ToString().ToLowerInvariant()
                + " values",
            JsonTypeKind.Any => "any JSON value",
            _ => "a JSON " + type.Kind.ToString().ToLowerInvariant() + " value",
        };

    private static string Escape(string text)
    {
        var literal = CSharpLiteral.Quote(text);
        return literal.Substring(1, literal.Length - 2);
    }
}

using System.Globalization;
using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

/// <summary>
/// A union other than ["null", T] becomes an abstract record nested in its record, with one
/// sealed case per non-null branch holding the branch's value; null, when a branch, is a null
/// reference. Users switch over it: <c>payment switch { PaymentUnion.Card c => ..., ... }</c>.
/// </summary>
internal static class AvroUnionEmitter
{
    private const string R = AvroCSharpTypes.Runtime;

    public static void Emit(
        SourceWriter w,
        AvroTypeModel union,
        string position,
        AvroCodeWriter code
    )
    {
        var name = AvroCSharpTypes.UnionName(position);
        AvroTypeEmitter.WriteDoc(
            w,
            "The Avro union at \""
                + position
                + "\": one nested case per branch"
                + (union.NullBranch >= 0 ? "; null is a null reference." : ".")
        );
        using (w.WriteBlock($"public abstract record {name}"))
        {
            WriteCases(w, union, position);
            w.WriteLine();
            WriteEncode(w, union, position, code);
            w.WriteLine();
            WriteDecoders(w, union, position, code);
            w.WriteLine();
            WriteJson(w, union, position, code);
        }
    }

    private static string Nullable(AvroTypeModel union) =>
        union.NullBranch >= 0 ? "?" : string.Empty;

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static void WriteCases(SourceWriter w, AvroTypeModel union, string position)
    {
        var name = AvroCSharpTypes.UnionName(position);
        var cases = AvroCSharpTypes.CaseNames(union, position);
        w.WriteLine($"private {name}() {{ }}");
        for (var i = 0; i < cases.Length; i++)
        {
            if (i == union.NullBranch)
            {
                continue;
            }
            w.WriteLine();
            w.WriteLine(
                $"/// <summary>Branch {Index(i)}: {JsonName(union.Branches[i])}.</summary>"
            );
            w.WriteLine(
                $"public sealed record {cases[i]}({AvroCSharpTypes.Of(union.Branches[i], AvroCSharpTypes.CasePosition(position, cases[i]))} Value) : {name};"
            );
        }
    }

    private static void WriteEncode(
        SourceWriter w,
        AvroTypeModel union,
        string position,
        AvroCodeWriter code
    )
    {
        var name = AvroCSharpTypes.UnionName(position);
        var cases = AvroCSharpTypes.CaseNames(union, position);
        var nullIndex = union.NullBranch;
        using (
            w.WriteBlock(
                $"internal static void Encode(ref {R}.AvroWriter writer, {name}{Nullable(union)} value, string field)"
            )
        )
        using (w.WriteBlock("switch (value)"))
        {
            for (var i = 0; i < cases.Length; i++)
            {
                if (i == nullIndex)
                {
                    continue;
                }
                w.WriteLine($"case {cases[i]} __case:");
                w.Indentation++;
                w.WriteLine($"writer.WriteUnionIndex({Index(i)});");
                code.Encode(
                    w,
                    union.Branches[i],
                    "__case.Value",
                    "field",
                    AvroCSharpTypes.CasePosition(position, cases[i])
                );
                w.WriteLine("break;");
                w.Indentation--;
            }
            w.WriteLine("default:");
            w.Indentation++;
            if (nullIndex >= 0)
            {
                w.WriteLine($"writer.WriteUnionIndex({Index(nullIndex)});");
                w.WriteLine("break;");
            }
            else
            {
                w.WriteLine(
                    "throw new global::System.ArgumentNullException(field, \"the union has no null branch\");"
                );
            }
            w.Indentation--;
        }
    }

    /// <summary>Decode (the writer's schema is the generated one) and DecodeResolved (a plan from another writer's schema).</summary>
    private static void WriteDecoders(
        SourceWriter w,
        AvroTypeModel union,
        string position,
        AvroCodeWriter code
    )
    {
        var name = AvroCSharpTypes.UnionName(position);
        var cases = AvroCSharpTypes.CaseNames(union, position);
        using (
            w.WriteBlock(
                $"internal static {name}{Nullable(union)} Decode(ref {R}.AvroReader reader, string field)"
            )
        )
        {
            WriteBranchSwitch(
                w,
                union,
                position,
                cases,
                $"reader.ReadUnionIndex(field, {Index(union.Branches.Count)})",
                (i, target) =>
                    code.Decode(
                        w,
                        union.Branches[i],
                        target,
                        "field",
                        AvroCSharpTypes.CasePosition(position, cases[i])
                    )
            );
        }
        w.WriteLine();
        using (
            w.WriteBlock(
                $"internal static {name}{Nullable(union)} DecodeResolved(ref {R}.AvroReader reader, {R}.AvroResolutionPlan plan, string field)"
            )
        )
        {
            WriteBranchSwitch(
                w,
                union,
                position,
                cases,
                $"{R}.AvroResolve.ReadUnionBranch(ref reader, plan, field, out var __bp)",
                (i, target) =>
                    code.DecodeResolved(
                        w,
                        union.Branches[i],
                        target,
                        "field",
                        AvroCSharpTypes.CasePosition(position, cases[i]),
                        "__bp"
                    )
            );
        }
    }

    private static void WriteJson(
        SourceWriter w,
        AvroTypeModel union,
        string position,
        AvroCodeWriter code
    )
    {
        var name = AvroCSharpTypes.UnionName(position);
        var cases = AvroCSharpTypes.CaseNames(union, position);
        w.WriteLine(
            "/// <summary>Writes the union as Kafka Connect's AvroConverter presents it: an object with one member per branch, all null but the one set.</summary>"
        );
        using (
            w.WriteBlock(
                $"internal static void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, {name}{Nullable(union)} value)"
            )
        )
        {
            using (w.WriteBlock("if (value is null)"))
            {
                w.WriteLine("writer.WriteNullValue();");
                w.WriteLine("return;");
            }
            w.WriteLine("writer.WriteStartObject();");
            for (var i = 0; i < cases.Length; i++)
            {
                if (i == union.NullBranch)
                {
                    continue;
                }
                w.WriteLine($"writer.WritePropertyName(\"{JsonName(union.Branches[i])}\");");
                using (w.WriteBlock($"if (value is {cases[i]} __case{Index(i)})"))
                {
                    code.Json(
                        w,
                        union.Branches[i],
                        "__case" + Index(i) + ".Value",
                        AvroCSharpTypes.CasePosition(position, cases[i])
                    );
                }
                using (w.WriteBlock("else"))
                {
                    w.WriteLine("writer.WriteNullValue();");
                }
            }
            w.WriteLine("writer.WriteEndObject();");
        }
    }

    private static void WriteBranchSwitch(
        SourceWriter w,
        AvroTypeModel union,
        string position,
        string[] cases,
        string selector,
        System.Action<int, string> decode
    )
    {
        using (w.WriteBlock($"switch ({selector})"))
        {
            for (var i = 0; i < cases.Length; i++)
            {
                w.WriteLine($"case {i.ToString(CultureInfo.InvariantCulture)}:");
                w.Indentation++;
                if (i == union.NullBranch)
                {
                    w.WriteLine("return null;");
                }
                else
                {
                    using (w.WriteBlock())
                    {
                        w.WriteLine(
                            $"{AvroCSharpTypes.Of(union.Branches[i], AvroCSharpTypes.CasePosition(position, cases[i]))} __value = default!;"
                        );
                        decode(i, "__value");
                        w.WriteLine($"return new {cases[i]}(__value);");
                    }
                }
                w.Indentation--;
            }
            w.WriteLine("default:");
            w.Indentation++;
            w.WriteLine(
                "throw new global::System.InvalidOperationException(\"unreachable: the branch index was checked\");"
            );
            w.Indentation--;
        }
    }

    /// <summary>The member name Kafka Connect's AvroData gives a branch: the type name, or a named type's simple name.</summary>
    private static string JsonName(AvroTypeModel branch) =>
        branch.IsNamed
            ? branch.Name.Substring(branch.Name.LastIndexOf('.') + 1)
            : branch.Kind.ToString().ToLowerInvariant();
}

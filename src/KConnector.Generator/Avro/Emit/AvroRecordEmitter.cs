using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

/// <summary>
/// Writes a record type and its codecs: the C# record, its Avro binary <c>Encode</c>/<c>Decode</c>
/// (straight-line code, no reflection, no boxing), <c>DecodeResolved</c> (reads data written
/// with another schema through a resolution plan), a plain-JSON writer, and a nested type per
/// general union. The field order of the schema is the encoding order.
/// </summary>
internal static class AvroRecordEmitter
{
    private const string R = AvroCSharpTypes.Runtime;

    public static void Emit(SourceWriter w, AvroGeneratedType type)
    {
        var record = type.Definition;
        var code = new AvroCodeWriter();
        AvroTypeEmitter.WriteDoc(
            w,
            record.Doc ?? "Generated from the Avro record " + record.FullName + "."
        );
        AvroTypeEmitter.WriteGeneratedCode(w);
        var name = record.TypeName;
        using (
            w.WriteBlock(
                $"{record.Access} sealed partial record {name} : {R}.IAvroRecord<{name}>, global::KConnector.Json.IJsonRecord<{name}>"
            )
        )
        {
            AvroTypeEmitter.WriteSchemaMembers(w, type, "static ");
            foreach (var field in record.Fields)
            {
                w.WriteLine();
                AvroTypeEmitter.WriteDoc(
                    w,
                    field.Doc ?? "The Avro field \"" + field.AvroName + "\"."
                );
                var required =
                    field.HasDefault || IsNullable(field.Type) ? string.Empty : "required ";
                var initializer = field.DefaultCSharp is null
                    ? string.Empty
                    : " = " + field.DefaultCSharp + ";";
                w.WriteLine(
                    $"public {required}{AvroCSharpTypes.Of(field.Type, field.PropertyName)} {field.PropertyName} {{ get; init; }}{initializer}"
                );
            }
            w.WriteLine();
            WriteEncode(w, record, code);
            w.WriteLine();
            WriteDecode(w, record, code);
            w.WriteLine();
            WriteDecodeResolved(w, record, code);
            w.WriteLine();
            WriteJson(w, record, code);
            var done = new HashSet<string>(System.StringComparer.Ordinal);
            while (code.Unions.Keys.FirstOrDefault(k => !done.Contains(k)) is { } position)
            {
                done.Add(position);
                w.WriteLine();
                AvroUnionEmitter.Emit(w, code.Unions[position], position, code);
            }
        }
    }

    private static bool IsNullable(AvroTypeModel t) =>
        t.Kind == AvroKind.Null || (t.Kind == AvroKind.Union && t.NullBranch >= 0);

    private static string Label(AvroNamedTypeModel record, AvroFieldModel field) =>
        "\"" + record.Name + "." + field.AvroName + "\"";

    private static string Local(AvroFieldModel field) => "__" + field.PropertyName;

    private static void WriteEncode(SourceWriter w, AvroNamedTypeModel record, AvroCodeWriter code)
    {
        w.WriteLine(
            "/// <summary>Writes <paramref name=\"value\"/> in Avro binary encoding.</summary>"
        );
        using (
            w.WriteBlock(
                $"public static void Encode(ref {R}.AvroWriter writer, {record.TypeName} value)"
            )
        )
        {
            w.WriteLine($"writer.EnterRecord(\"{record.Name}\");");
            foreach (var field in record.Fields)
            {
                code.Encode(
                    w,
                    field.Type,
                    "value." + field.PropertyName,
                    Label(record, field),
                    field.PropertyName
                );
            }
            w.WriteLine("writer.ExitRecord();");
        }
    }

    private static void WriteDecode(SourceWriter w, AvroNamedTypeModel record, AvroCodeWriter code)
    {
        w.WriteLine("/// <summary>Reads a value written with this type's own schema.</summary>");
        using (w.WriteBlock($"public static {record.TypeName} Decode(ref {R}.AvroReader reader)"))
        {
            w.WriteLine($"reader.EnterRecord(\"{record.Name}\");");
            foreach (var field in record.Fields)
            {
                w.WriteLine(
                    $"{AvroCSharpTypes.Of(field.Type, field.PropertyName)} {Local(field)} = default!;"
                );
                code.Decode(w, field.Type, Local(field), Label(record, field), field.PropertyName);
            }
            w.WriteLine("reader.ExitRecord();");
            WriteConstruction(w, record);
        }
    }

    private static void WriteDecodeResolved(
        SourceWriter w,
        AvroNamedTypeModel record,
        AvroCodeWriter code
    )
    {
        w.WriteLine(
            "/// <summary>Reads a value written with another schema, through a plan built by <see cref=\"global::KConnector.Avro.AvroResolvingReader{T}\"/>.</summary>"
        );
        using (
            w.WriteBlock(
                $"public static {record.TypeName} DecodeResolved(ref {R}.AvroReader reader, {R}.AvroResolutionPlan plan)"
            )
        )
        {
            w.WriteLine(
                $"plan = {R}.AvroResolve.EnterRecord(ref reader, plan, \"{record.Name}\");"
            );
            foreach (var field in record.Fields)
            {
                // A field the writer lacks keeps its default (the plan only allows that when there is one).
                var initial = field.DefaultCSharp ?? "default!";
                w.WriteLine(
                    $"{AvroCSharpTypes.Of(field.Type, field.PropertyName)} {Local(field)} = {initial};"
                );
            }
            using (w.WriteBlock("foreach (var step in plan.Fields)"))
            using (w.WriteBlock("switch (step.ReaderIndex)"))
            {
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    var field = record.Fields[i];
                    w.WriteLine($"case {i.ToString(CultureInfo.InvariantCulture)}:");
                    w.Indentation++;
                    using (w.WriteBlock())
                    {
                        code.DecodeResolved(
                            w,
                            field.Type,
                            Local(field),
                            Label(record, field),
                            field.PropertyName,
                            "step.Plan!"
                        );
                        w.WriteLine("break;");
                    }
                    w.Indentation--;
                }
                w.WriteLine("default:");
                w.Indentation++;
                w.WriteLine($"{R}.AvroResolve.Skip(ref reader, step, \"{record.Name}\");");
                w.WriteLine("break;");
                w.Indentation--;
            }
            w.WriteLine("reader.ExitRecord();");
            WriteConstruction(w, record);
        }
    }

    private static void WriteConstruction(SourceWriter w, AvroNamedTypeModel record)
    {
        w.WriteLine($"return new {record.TypeName}");
        w.WriteLine("{");
        w.Indentation++;
        foreach (var field in record.Fields)
        {
            w.WriteLine($"{field.PropertyName} = {Local(field)},");
        }
        w.Indentation--;
        w.WriteLine("};");
    }

    private static void WriteJson(SourceWriter w, AvroNamedTypeModel record, AvroCodeWriter code)
    {
        w.WriteLine(
            "/// <summary>Writes <paramref name=\"value\"/> as a JSON object with the schema's field names, as Kafka Connect's JsonConverter (schemas.enable=false) prints it.</summary>"
        );
        using (
            w.WriteBlock(
                $"public static void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, {record.TypeName} value)"
            )
        )
        {
            w.WriteLine("writer.WriteStartObject();");
            foreach (var field in record.Fields)
            {
                w.WriteLine($"writer.WritePropertyName(\"{field.AvroName}\");");
                code.Json(w, field.Type, "value." + field.PropertyName, field.PropertyName);
            }
            w.WriteLine("writer.WriteEndObject();");
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The object initializer of a compiled chain's output record: each property from its field's
/// expression, a nested struct as a nested initializer of its generated type (null when the input
/// struct it reads is null).
/// </summary>
internal static class CompiledInitializer
{
    public static void Write(
        SourceWriter w,
        AvroNamedTypeModel record,
        EquatableArray<CompiledField> fields,
        List<AvroGeneratedType> types,
        string terminator
    )
    {
        w.WriteLine("{");
        w.Indentation++;
        for (var i = 0; i < fields.Count; i++)
        {
            var property = record.Fields[i].PropertyName;
            var field = fields[i];
            if (!field.IsRecord)
            {
                w.WriteLine($"{property} = {field.Expression},");
                continue;
            }
            var nested = Nested(record.Fields[i].Type, types);
            w.WriteLine(
                field.Optional && field.Expression.Length > 0
                    ? $"{property} = {field.Expression} is null ? null : new {nested.GlobalName}"
                    : $"{property} = new {nested.GlobalName}"
            );
            Write(w, nested, field.Fields, types, ",");
        }
        w.Indentation--;
        w.WriteLine("}" + terminator);
    }

    // The generated type of a record field (its type, or the non-null branch of ["null", record]).
    private static AvroNamedTypeModel Nested(AvroTypeModel type, List<AvroGeneratedType> types)
    {
        var record = type.Kind == AvroKind.Union ? type.Branches[1 - type.NullableIndex] : type;
        return types.First(t => t.Definition.GlobalName == record.CSharpName).Definition;
    }
}

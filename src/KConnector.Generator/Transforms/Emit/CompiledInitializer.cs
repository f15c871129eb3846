using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The object initializer of a compiled chain's output record: each property from its field's
/// expression, a nested struct as a nested initializer of its generated type (null when the input
/// struct it reads is null), an array or map of records item by item, a wider union as the output
/// union's case of the branch that holds the value.
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
            if (field.IsUnion)
            {
                WriteUnion(w, property, field, record, record.Fields[i].Type, types);
                continue;
            }
            if (field.ItemParameter is { } item)
            {
                WriteCollection(w, property, field, item, record.Fields[i].Type, types);
                continue;
            }
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

    // A wider union: the output union's case of the branch that holds the value (null when none does).
    private static void WriteUnion(
        SourceWriter w,
        string property,
        CompiledField field,
        AvroNamedTypeModel record,
        AvroTypeModel union,
        List<AvroGeneratedType> types
    )
    {
        var cases = AvroCSharpTypes.CaseNames(union, property);
        var unionType = record.GlobalName + "." + AvroCSharpTypes.UnionName(property);
        var branches = Enumerable
            .Range(0, union.Branches.Count)
            .Where(b => union.Branches[b].Kind != AvroKind.Null)
            .ToList();
        w.WriteLine($"{property} =");
        w.Indentation++;
        for (var j = 0; j < field.Fields.Count; j++)
        {
            var branch = field.Fields[j];
            var then = (j == 0 ? string.Empty : ": ") + branch.Expression;
            var make = "new " + unionType + "." + cases[branches[j]] + "(";
            if (!branch.IsRecord)
            {
                var local = CompiledSlot.Local(branch.Expression);
                w.WriteLine($"{then} is {{ }} {local} ? {make}{local})");
                continue;
            }
            var nested = Nested(union.Branches[branches[j]], types);
            w.WriteLine($"{then} is not null ? {make}new {nested.GlobalName}");
            Write(w, nested, branch.Fields, types, ")");
        }
        w.WriteLine(
            field.Optional
                ? ": null,"
                : ": throw new global::System.InvalidOperationException(\"No branch of the union "
                    + field.Name
                    + " holds a value.\"),"
        );
        w.Indentation--;
    }

    // An array or map of records: each item built anew as the output's item type (null when the input collection is).
    private static void WriteCollection(
        SourceWriter w,
        string property,
        CompiledField field,
        string item,
        AvroTypeModel type,
        List<AvroGeneratedType> types
    )
    {
        var collection = NonNull(type);
        var nested = Nested(collection.Items!, types);
        var input = field.Expression + (field.Optional ? "!" : string.Empty);
        var guard = field.Optional ? field.Expression + " is null ? null : " : string.Empty;
        if (field.Emptied)
        {
            // The item type as the output declares it: nullable when the items are optional.
            var itemType =
                nested.GlobalName + (collection.Items!.Kind == AvroKind.Union ? "?" : string.Empty);
            w.WriteLine(
                field.IsMap
                    ? $"{property} = {guard}new global::System.Collections.Generic.Dictionary<string, {itemType}>(),"
                    : $"{property} = {guard}global::System.Array.Empty<{itemType}>(),"
            );
            return;
        }
        // An optional item (["null", record]) stays null.
        var value = field.IsMap ? item + ".Value" : item;
        var make =
            (collection.Items!.Kind == AvroKind.Union ? value + " is null ? null : " : string.Empty)
            + "new "
            + nested.GlobalName;
        w.WriteLine(
            field.IsMap
                ? $"{property} = {guard}global::System.Linq.Enumerable.ToDictionary({input}, {item} => {item}.Key, {item} => {make}"
                : $"{property} = {guard}global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({input}, {item} => {make}"
        );
        Write(w, nested, field.Fields, types, field.IsMap ? ")," : ")),");
    }

    // The generated type of a record field (its type, or the non-null branch of ["null", record]).
    private static AvroNamedTypeModel Nested(AvroTypeModel type, List<AvroGeneratedType> types)
    {
        var record = NonNull(type);
        return types.First(t => t.Definition.GlobalName == record.CSharpName).Definition;
    }

    private static AvroTypeModel NonNull(AvroTypeModel type) =>
        type.Kind == AvroKind.Union ? type.Branches[1 - type.NullableIndex] : type;
}

using System;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// A record field's union other than <c>["null", T]</c> as Confluent's AvroData gives it to Connect
/// (<c>toConnectSchema</c>, generalized sum types off): a struct named
/// <c>io.confluent.connect.avro.Union</c>, optional when null is a branch, with one optional field
/// per other branch, named as the branch's type (<c>string</c>, <c>long</c>, ...) or, for a record,
/// its simple name; the branch that holds the value is set, the others null. Each branch field is
/// read from the generated union's case (<c>{Property}Union.{Case}</c>, nested in the record's type).
/// Branches of a primitive type (no logical type) and records are carried; a union with another
/// branch (an enum, a fixed, an array, a map, a logical type) is <see cref="TransformSchema.Unknown"/>.
/// </summary>
internal static class AvroUnionSchema
{
    public const string Name = "io.confluent.connect.avro.Union";

    public static TransformSchema Of(
        AvroTypeModel union,
        string recordType,
        string property,
        Func<AvroTypeModel, TransformSchema> schemaOf
    )
    {
        var cases = AvroCSharpTypes.CaseNames(union, property);
        var unionType = recordType + "." + AvroCSharpTypes.UnionName(property);
        var fields = new System.Collections.Generic.List<TransformField>();
        for (var i = 0; i < union.Branches.Count; i++)
        {
            var branch = union.Branches[i];
            if (branch.Kind == AvroKind.Null)
            {
                continue;
            }
            var schema = schemaOf(branch);
            var primitive =
                !branch.IsNamed && branch.Logical == AvroLogical.None && schema.Items is null;
            if (!(primitive || schema.IsStruct) || !schema.IsKnown)
            {
                return TransformSchema.Unknown;
            }
            fields.Add(
                new TransformField(
                    schema.IsStruct
                        ? schema.Name!.Substring(schema.Name!.LastIndexOf('.') + 1)
                        : AvroName(branch.Kind),
                    schema with
                    {
                        Optional = true,
                    },
                    // The case's value, null when another case holds the union's.
                    "(({0} as " + unionType + "." + cases[i] + ")?.Value)"
                )
            );
        }
        return new TransformSchema(
            ConnectSchemaType.Struct,
            Name,
            union.NullBranch >= 0,
            fields.ToEquatableArray()
        );
    }

    // Avro's primitive type names are the kinds' names in lowercase.
    private static string AvroName(AvroKind kind) => kind.ToString().ToLowerInvariant();
}

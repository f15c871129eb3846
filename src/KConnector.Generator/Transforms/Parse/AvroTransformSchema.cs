using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Connect schema of a top-level .avsc record as Confluent's AvroConverter gives it to
/// transformations (AvroData.toConnectSchema): int/long/float/double/boolean/string/bytes as
/// INT32/INT64/FLOAT32/FLOAT64/BOOLEAN/STRING/BYTES, an enum as STRING with its name and symbols
/// as parameters (read as its symbol), a fixed as BYTES named as it with its size,
/// <c>["null", T]</c> as an optional T, the logical types date, time-millis, timestamp-millis and
/// decimal as Connect's Date, Time, Timestamp and Decimal (with its scale and precision as
/// parameters, <see cref="AvroDataParameters"/>); the logical types AvroData does not know
/// (time-micros, timestamp-micros, local-timestamp-millis/micros, uuid) as their plain type, which the
/// compiled chain reads from the generated property (<see cref="AvroUnderlying"/>). Nested records of the same file become
/// structs; a wider union of a record's field is AvroData's Union struct (<see cref="AvroUnionSchema"/>);
/// elsewhere (array items, map values), a recursive or another file's type is <see cref="TransformSchema.Unknown"/>.
/// </summary>
internal static class AvroTransformSchema
{
    public static TransformSchema Read(
        AvroNamedTypeModel record,
        IEnumerable<AvroNamedTypeModel> types
    )
    {
        var byName = new Dictionary<string, AvroNamedTypeModel>();
        foreach (var type in types)
        {
            byName[type.FullName] = type;
        }
        return Record(record, byName, new HashSet<string>());
    }

    private static TransformSchema Record(
        AvroNamedTypeModel record,
        Dictionary<string, AvroNamedTypeModel> byName,
        HashSet<string> enclosing
    )
    {
        enclosing.Add(record.FullName);
        var fields = record
            .Fields.Select(f =>
                f.Type.Kind == AvroKind.Union && f.Type.NullableIndex < 0
                    ? new TransformField(
                        f.AvroName,
                        UnionDefault(
                            AvroUnionSchema.Of(
                                f.Type,
                                record.GlobalName,
                                f.PropertyName,
                                t => Of(t, byName, enclosing)
                            ),
                            f.DefaultJson
                        )
                    )
                    : new TransformField(f.AvroName, WithDefault(Of(f.Type, byName, enclosing), f))
            )
            .ToEquatableArray();
        enclosing.Remove(record.FullName);
        return new TransformSchema(ConnectSchemaType.Struct, record.FullName, false, fields);
    }

    // AvroData reads a ["null", T] union as an optional T before it looks at the field's default: none.
    private static TransformSchema WithDefault(TransformSchema schema, AvroFieldModel field) =>
        field.Type.Kind == AvroKind.Union
            ? schema
            : schema with
            {
                Default = AvroFieldDefault.Of(field.DefaultJson, schema),
            };

    // A wider union's default is its first branch's; AvroData writes a union with a null branch null
    // first, where Avro takes no other default ("Ignoring invalid default"), and reads no record default.
    private static TransformSchema UnionDefault(TransformSchema union, string? json) =>
        union.IsKnown && !union.Optional
            ? union with
            {
                Default = AvroFieldDefault.Of(json, union.Fields[0].Schema),
            }
            : union;

    private static TransformSchema Of(
        AvroTypeModel type,
        Dictionary<string, AvroNamedTypeModel> byName,
        HashSet<string> enclosing
    )
    {
        if (type.Kind == AvroKind.Union)
        {
            return type.NullableIndex < 0
                ? TransformSchema.Unknown
                : Of(type.Branches[1 - type.NullableIndex], byName, enclosing) with
                {
                    Optional = true,
                };
        }
        if (type.IsNamed)
        {
            return Named(type, byName, enclosing);
        }
        return type.Kind switch
        {
            AvroKind.Boolean => TransformSchema.Of(ConnectSchemaType.Boolean),
            AvroKind.Int => TransformSchema.Of(
                ConnectSchemaType.Int32,
                type.Logical switch
                {
                    AvroLogical.Date => TransformSchema.Date,
                    AvroLogical.TimeMillis => TransformSchema.Time,
                    _ => null,
                }
            ),
            AvroKind.Long => TransformSchema.Of(
                ConnectSchemaType.Int64,
                type.Logical == AvroLogical.TimestampMillis ? TransformSchema.Timestamp : null
            ) with
            {
                Underlying = AvroUnderlying.Of(type.Logical),
            },
            AvroKind.Float => TransformSchema.Of(ConnectSchemaType.Float32),
            AvroKind.Double => TransformSchema.Of(ConnectSchemaType.Float64),
            AvroKind.String => TransformSchema.Of(ConnectSchemaType.String) with
            {
                Underlying = AvroUnderlying.Of(type.Logical),
            },
            AvroKind.Bytes when type.Logical == AvroLogical.Decimal => TransformSchema.Of(
                ConnectSchemaType.Bytes,
                TransformSchema.Decimal
            ) with
            {
                Parameters = AvroDataParameters.OfDecimal(type.Precision, type.Scale),
            },
            AvroKind.Bytes => TransformSchema.Of(ConnectSchemaType.Bytes),
            AvroKind.Array => new TransformSchema(
                ConnectSchemaType.Array,
                null,
                false,
                Items: Of(type.Items!, byName, enclosing)
            ),
            AvroKind.Map => new TransformSchema(
                ConnectSchemaType.Map,
                null,
                false,
                Items: Of(type.Items!, byName, enclosing)
            ),
            _ => TransformSchema.Unknown,
        };
    }

    private static TransformSchema Named(
        AvroTypeModel type,
        Dictionary<string, AvroNamedTypeModel> byName,
        HashSet<string> enclosing
    )
    {
        if (
            !byName.TryGetValue(type.Name, out var named)
            && !byName.TryGetValue(type.FallbackName, out named)
        )
        {
            return TransformSchema.Unknown;
        }
        return named.Kind switch
        {
            AvroKind.Record when !enclosing.Contains(named.FullName) => Record(
                named,
                byName,
                enclosing
            ),
            AvroKind.Enum => TransformSchema.Of(ConnectSchemaType.String) with
            {
                Enum = true,
                Parameters = AvroDataParameters.OfEnum(named),
                // The generated enum's {Name}Avro class names its symbols.
                Underlying =
                    (
                        named.CSharpNamespace.Length == 0
                            ? "global::"
                            : "global::" + named.CSharpNamespaceText + "."
                    )
                    + Emit.CSharpIdentifier.Unescaped(named.TypeName)
                    + "Avro.ToSymbol({0})",
            },
            // AvroData knows no uuid or duration: a fixed uuid or duration is the plain fixed (its
            // bytes, as the wire carries them), read from the generated Guid or AvroDuration.
            AvroKind.Fixed when named.Logical is AvroLogical.Uuid or AvroLogical.Duration =>
                TransformSchema.Of(ConnectSchemaType.Bytes, named.FullName) with
                {
                    Parameters = AvroDataParameters.OfFixed(named.Size),
                    Underlying = AvroUnderlying.OfFixed(named.Logical),
                },
            // A fixed decimal Confluent's AvroConverter cannot read (toConnectSchema names it both
            // Decimal and the fixed's name: "Mismatched names").
            AvroKind.Fixed when named.Logical != AvroLogical.None => TransformSchema.Unknown,
            // AvroData's fixed: BYTES named as the fixed, with its size as a parameter.
            AvroKind.Fixed => TransformSchema.Of(ConnectSchemaType.Bytes, named.FullName) with
            {
                Parameters = AvroDataParameters.OfFixed(named.Size),
            },
            _ => TransformSchema.Unknown,
        };
    }
}

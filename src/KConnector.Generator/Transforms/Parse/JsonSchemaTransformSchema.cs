using System.Linq;
using KConnector.Generator.Helpers;
using KConnector.Generator.JsonSchema;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Connect schema of a .schema.json file's top-level object as Confluent's JsonSchemaConverter
/// gives it to transformations (JsonSchemaData.toConnectSchema): string, integer, number and
/// boolean as STRING, INT64, FLOAT64 and BOOLEAN (formats such as date-time stay strings), an enum
/// as STRING, arrays as ARRAY; a property that is not required or may be null is optional. A
/// nested object, union or $ref is <see cref="TransformSchema.Unknown"/> (not checked).
/// </summary>
internal static class JsonSchemaTransformSchema
{
    public static TransformSchema Read(JsonTypeDeclaration root)
    {
        if (root.Kind != JsonDeclarationKind.Record)
        {
            return TransformSchema.Unknown;
        }
        var fields = root
            .Properties.Select(p => new TransformField(
                p.JsonName,
                Of(p.Type) with
                {
                    Optional = !p.Required || p.Type.Nullable,
                }
            ))
            .ToEquatableArray();
        return new TransformSchema(ConnectSchemaType.Struct, root.Name, false, fields);
    }

    private static TransformSchema Of(JsonTypeRef type) =>
        type.Kind switch
        {
            JsonTypeKind.String
            or JsonTypeKind.DateTime
            or JsonTypeKind.Date
            or JsonTypeKind.Time
            or JsonTypeKind.Uuid
            or JsonTypeKind.Uri
            or JsonTypeKind.UriReference
            or JsonTypeKind.Enum => TransformSchema.Of(ConnectSchemaType.String),
            JsonTypeKind.Integer => TransformSchema.Of(ConnectSchemaType.Int64),
            JsonTypeKind.Number => TransformSchema.Of(ConnectSchemaType.Float64),
            JsonTypeKind.Boolean => TransformSchema.Of(ConnectSchemaType.Boolean),
            JsonTypeKind.Array => new TransformSchema(
                ConnectSchemaType.Array,
                null,
                false,
                Items: type.Element is null ? TransformSchema.Unknown : Of(type.Element)
            ),
            _ => TransformSchema.Unknown,
        };
}

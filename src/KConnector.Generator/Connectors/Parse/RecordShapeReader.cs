using System.Collections.Generic;
using KConnector.Generator.Avro;
using KConnector.Generator.Emit;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Reads the connector view of a top-level .avsc record: each field as one of the runtime's
/// <c>FieldType</c>s (primitives, logical types by their encoding, unions of null and one of them),
/// and every field that has no such view (nested records, arrays, maps, enums, fixed, decimal,
/// duration, wider unions), which a connector would otherwise reject at run time.
/// </summary>
internal static class RecordShapeReader
{
    public static RecordShapeModel Read(AvroNamedTypeModel record)
    {
        var fields = new List<ShapeFieldModel>();
        var unmappable = new List<UnmappableField>();
        foreach (var field in record.Fields)
        {
            var type = field.Type;
            var nullable = false;
            var nullBranch = 0;
            if (type.Kind == AvroKind.Union)
            {
                if (type.NullableIndex < 0)
                {
                    unmappable.Add(Problem(record, field, "a union other than [\"null\", T]"));
                    continue;
                }
                nullable = true;
                nullBranch = type.NullableIndex;
                type = type.Branches[1 - nullBranch];
            }
            var mapped = Map(type, out var conversion, out var reason);
            if (mapped is null)
            {
                unmappable.Add(Problem(record, field, reason));
                continue;
            }
            fields.Add(
                new ShapeFieldModel(
                    field.AvroName,
                    field.PropertyName,
                    mapped,
                    nullable,
                    nullBranch,
                    field.HasDefault,
                    Default(field, record),
                    conversion,
                    AvroCSharpTypes.Of(type, field.PropertyName),
                    type.Precision,
                    type.Scale,
                    conversion == FieldConversion.Decimal && AvroCSharpTypes.IsClrDecimal(type)
                )
            );
        }
        return new RecordShapeModel(
            record.FullName,
            record.GlobalName,
            record.CSharpNamespaceText,
            Emit.CSharpIdentifier.Unescaped(record.TypeName) + "RecordAccessor",
            record.Access,
            System.IO.Path.GetFileName(record.SourcePath),
            fields.ToEquatableArray(),
            unmappable.ToEquatableArray()
        );
    }

    private static string? Map(
        AvroTypeModel type,
        out FieldConversion conversion,
        out string reason
    )
    {
        conversion = FieldConversion.None;
        reason = string.Empty;
        switch (type.Kind)
        {
            case AvroKind.Boolean:
                return "Boolean";
            case AvroKind.Int:
                conversion = type.Logical switch
                {
                    AvroLogical.Date => FieldConversion.Date,
                    AvroLogical.TimeMillis => FieldConversion.TimeMillis,
                    _ => FieldConversion.None,
                };
                return "Int";
            case AvroKind.Long:
                conversion = type.Logical switch
                {
                    AvroLogical.TimeMicros => FieldConversion.TimeMicros,
                    AvroLogical.TimestampMillis => FieldConversion.TimestampMillis,
                    AvroLogical.TimestampMicros => FieldConversion.TimestampMicros,
                    AvroLogical.LocalTimestampMillis => FieldConversion.LocalTimestampMillis,
                    AvroLogical.LocalTimestampMicros => FieldConversion.LocalTimestampMicros,
                    _ => FieldConversion.None,
                };
                return "Long";
            case AvroKind.Float:
                return "Float";
            case AvroKind.Double:
                return "Double";
            case AvroKind.String:
                conversion =
                    type.Logical == AvroLogical.Uuid ? FieldConversion.Uuid : FieldConversion.None;
                return "String";
            case AvroKind.Bytes when type.Logical == AvroLogical.None:
                return "Bytes";
            case AvroKind.Bytes when type.Logical == AvroLogical.Decimal:
                // Kafka Connect's Decimal: a DECIMAL(p,s) column, a scaled number elsewhere.
                conversion = FieldConversion.Decimal;
                return "Bytes";
            case AvroKind.Bytes:
                reason = "the logical type " + type.Logical + " on bytes";
                return null;
            case AvroKind.Null:
                reason = "a field that is always null";
                return null;
            case AvroKind.Array:
                reason = "an array (connectors map one value per column)";
                return null;
            case AvroKind.Map:
                reason = "a map (connectors map one value per column)";
                return null;
            case AvroKind.Union:
                reason = "a nested union";
                return null;
            default:
                reason =
                    "the named type "
                    + type.Name
                    + " (a nested record, enum or fixed: connectors map primitive fields only)";
                return null;
        }
    }

    /// <summary>The .avsc default as a C# expression of the property's type; null when none or null.</summary>
    private static string? Default(AvroFieldModel field, AvroNamedTypeModel record)
    {
        if (field.DefaultJson is null)
        {
            return null;
        }
        JsonNode json;
        try
        {
            json = JsonParser.Parse(field.DefaultJson);
        }
        catch (JsonSyntaxException)
        {
            return null;
        }
        var expression = new AvroDefaultValue(_ => null).Convert(
            json,
            field.Type,
            field.PropertyName,
            record.GlobalName,
            "$",
            out _
        );
        // An invalid default is reported by the record's own generation (KCN0012).
        return expression is null or "null" ? null : expression;
    }

    private static UnmappableField Problem(
        AvroNamedTypeModel record,
        AvroFieldModel field,
        string reason
    ) => new(field.AvroName, reason, field.TypeLocation ?? record.Location, field.Path);
}

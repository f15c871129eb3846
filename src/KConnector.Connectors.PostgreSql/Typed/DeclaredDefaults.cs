using System.Text;
using System.Text.Json;
using KConnector.Avro;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>The default of a declared field the table has no column for (Avro: a union's default is of its first branch).</summary>
internal static class DeclaredDefaults
{
    /// <summary>Null when the field's default can be written; else why not.</summary>
    public static string? Problem(DeclaredField field)
    {
        if (field.Default is not { } value)
        {
            return "the table has no such column and the field has no default";
        }
        if (field.NullIndex == 0)
        {
            return value.ValueKind == JsonValueKind.Null
                ? null
                : "its default must be null (the union's first branch)";
        }
        return
            field.TypeName
                is "boolean"
                    or "int"
                    or "long"
                    or "float"
                    or "double"
                    or "string"
                    or "bytes"
            ? null
            : $"its default of type {field.TypeName} cannot be written (give the field a column)";
    }

    /// <summary>Writes the field's default (checked by <see cref="Problem"/>).</summary>
    public static void Write(ref AvroWriter w, DeclaredField field)
    {
        var value = field.Default!.Value;
        if (field.NullIndex >= 0)
        {
            w.WriteUnionIndex(0);
            if (field.NullIndex == 0)
            {
                return;
            }
        }
        switch (field.TypeName)
        {
            case "boolean":
                w.WriteBoolean(value.GetBoolean());
                break;
            case "int":
                w.WriteInt(value.GetInt32());
                break;
            case "long":
                w.WriteLong(value.GetInt64());
                break;
            case "float":
                w.WriteFloat(value.GetSingle());
                break;
            case "double":
                w.WriteDouble(value.GetDouble());
                break;
            case "bytes":
                // Avro writes a bytes default as a string of code points 0-255.
                w.WriteBytes(Encoding.Latin1.GetBytes(value.GetString()!));
                break;
            default:
                w.WriteString(value.GetString()!);
                break;
        }
    }
}

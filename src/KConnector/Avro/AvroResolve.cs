using System.ComponentModel;
using System.Text;
using KConnector.Avro.Resolution;

namespace KConnector.Avro;

/// <summary>
/// Reads values through a <see cref="AvroResolutionPlan"/>: what generated <c>DecodeResolved</c>
/// methods call. Each read first selects the writer's union branch when the writer wrote a union,
/// then reads the writer's type and promotes it to the reader's (spec "Schema Resolution").
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AvroResolve
{
    /// <summary>Follows the writer's union branch, if the writer wrote a union here.</summary>
    public static AvroResolutionPlan Unwrap(
        ref AvroReader reader,
        AvroResolutionPlan plan,
        string field
    )
    {
        ArgumentNullException.ThrowIfNull(plan);
        while (plan.WriterBranches is { } branches)
        {
            var index = reader.ReadUnionIndex(field, branches.Length);
            plan =
                branches[index]
                ?? throw new AvroDecodeException(
                    field,
                    reader.Position,
                    $"the writer's union branch {index} ({plan.Writer.Branches[index].Describe()}) cannot be read as {plan.Reader.Describe()}"
                );
        }
        return plan;
    }

    /// <summary>Starts reading a record: follows a writer union and counts the nesting depth.</summary>
    public static AvroResolutionPlan EnterRecord(
        ref AvroReader reader,
        AvroResolutionPlan plan,
        string record
    )
    {
        plan = Unwrap(ref reader, plan, record);
        reader.EnterRecord(record);
        return plan;
    }

    /// <summary>Selects the reader's union branch; <paramref name="inner"/> reads its value.</summary>
    public static int ReadUnionBranch(
        ref AvroReader reader,
        AvroResolutionPlan plan,
        string field,
        out AvroResolutionPlan inner
    )
    {
        plan = Unwrap(ref reader, plan, field);
        inner =
            plan.Inner
            ?? throw new InvalidOperationException(
                $"The plan for '{field}' does not select a union branch."
            );
        return plan.ReaderBranch;
    }

    /// <summary>Reads a null.</summary>
    public static void ReadNull(ref AvroReader reader, AvroResolutionPlan plan, string field) =>
        Unwrap(ref reader, plan, field);

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        Unwrap(ref reader, plan, field);
        return reader.ReadBoolean(field);
    }

    /// <summary>Reads an int.</summary>
    public static int ReadInt(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        Unwrap(ref reader, plan, field);
        return reader.ReadInt(field);
    }

    /// <summary>Reads a long, promoting an int.</summary>
    public static long ReadLong(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        Unwrap(ref reader, plan, field);
        return reader.ReadLong(field);
    }

    /// <summary>Reads a float, promoting an int or a long.</summary>
    public static float ReadFloat(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        var p = Unwrap(ref reader, plan, field);
        return p.Writer.Kind == AvroSchemaKind.Float
            ? reader.ReadFloat(field)
            : reader.ReadLong(field);
    }

    /// <summary>Reads a double, promoting an int, a long or a float.</summary>
    public static double ReadDouble(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        var p = Unwrap(ref reader, plan, field);
        return p.Writer.Kind switch
        {
            AvroSchemaKind.Double => reader.ReadDouble(field),
            AvroSchemaKind.Float => reader.ReadFloat(field),
            _ => reader.ReadLong(field),
        };
    }

    /// <summary>Reads a string, or bytes as UTF-8.</summary>
    public static string ReadString(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        Unwrap(ref reader, plan, field);
        return reader.ReadString(field);
    }

    /// <summary>Reads bytes, or a string's UTF-8 bytes.</summary>
    public static byte[] ReadBytes(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        Unwrap(ref reader, plan, field);
        return reader.ReadBytes(field);
    }

    /// <summary>Reads a fixed.</summary>
    public static byte[] ReadFixed(
        ref AvroReader reader,
        AvroResolutionPlan plan,
        string field,
        int size
    )
    {
        Unwrap(ref reader, plan, field);
        return reader.ReadFixed(field, size);
    }

    /// <summary>Reads an enum: the reader's symbol index for the writer's symbol, or the reader's default.</summary>
    public static int ReadEnum(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        var p = Unwrap(ref reader, plan, field);
        var index = reader.ReadEnumIndex(field, p.Writer.Symbols.Count);
        var mapped = p.EnumMap![index];
        return mapped >= 0
            ? mapped
            : throw new AvroDecodeException(
                field,
                reader.Position,
                $"the symbol '{p.Writer.Symbols[index]}' is not a symbol of the reader's enum {p.Reader.FullName}, which has no default"
            );
    }

    /// <summary>Reads the item count of the next array or map block.</summary>
    public static int ReadBlockCount(ref AvroReader reader, AvroResolutionPlan plan, string field)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return reader.ReadBlockCount(field, MinBytes(plan.Writer.Items!));
    }

    /// <summary>Skips a writer field the reader does not have.</summary>
    public static void Skip(ref AvroReader reader, AvroFieldPlan step, string record)
    {
        ArgumentNullException.ThrowIfNull(step);
        Skip(ref reader, step.Writer.Schema, record + "." + step.Writer.Name);
    }

    private static void Skip(ref AvroReader reader, AvroSchemaNode schema, string field)
    {
        switch (schema.Kind)
        {
            case AvroSchemaKind.Null:
                return;
            case AvroSchemaKind.Boolean:
                reader.ReadBoolean(field);
                return;
            case AvroSchemaKind.Int:
            case AvroSchemaKind.Long:
            case AvroSchemaKind.Enum:
                reader.ReadLong(field);
                return;
            case AvroSchemaKind.Float:
                reader.Skip(field, 4);
                return;
            case AvroSchemaKind.Double:
                reader.Skip(field, 8);
                return;
            case AvroSchemaKind.Bytes:
            case AvroSchemaKind.String:
                reader.ReadBytesSpan(field);
                return;
            case AvroSchemaKind.Fixed:
                reader.Skip(field, schema.Size);
                return;
            case AvroSchemaKind.Union:
                Skip(
                    ref reader,
                    schema.Branches[reader.ReadUnionIndex(field, schema.Branches.Count)],
                    field
                );
                return;
            case AvroSchemaKind.Record:
                reader.EnterRecord(field);
                foreach (var f in schema.Fields)
                {
                    Skip(ref reader, f.Schema, field + "." + f.Name);
                }
                reader.ExitRecord();
                return;
            default:
                SkipBlocks(ref reader, schema, field);
                return;
        }
    }

    private static void SkipBlocks(ref AvroReader reader, AvroSchemaNode schema, string field)
    {
        while (true)
        {
            var count = reader.ReadLong(field);
            if (count == 0)
            {
                return;
            }
            if (count < 0)
            {
                // Spec "Arrays": a negative count is followed by the block's size, so it can be skipped whole.
                reader.Skip(field, reader.ReadLong(field));
                continue;
            }
            if (count > reader.Remaining && MinBytes(schema.Items!) > 0)
            {
                throw new AvroDecodeException(
                    field,
                    reader.Position,
                    $"a block of {count} items cannot fit the {reader.Remaining} bytes left"
                );
            }
            for (var i = 0L; i < count; i++)
            {
                if (schema.Kind == AvroSchemaKind.Map)
                {
                    reader.ReadBytesSpan(field);
                }
                Skip(ref reader, schema.Items!, field);
            }
        }
    }

    private static int MinBytes(AvroSchemaNode t) =>
        t.Kind switch
        {
            AvroSchemaKind.Null or AvroSchemaKind.Record => 0,
            AvroSchemaKind.Float => 4,
            AvroSchemaKind.Double => 8,
            AvroSchemaKind.Fixed => t.Size,
            _ => 1,
        };
}

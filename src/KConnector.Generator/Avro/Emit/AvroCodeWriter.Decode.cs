using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

internal sealed partial class AvroCodeWriter
{
    public void Decode(SourceWriter w, AvroTypeModel t, string target, string label, string pos)
    {
        switch (t.Kind)
        {
            case AvroKind.Null:
                w.WriteLine($"{target} = null;");
                return;
            case AvroKind.Record:
                w.WriteLine($"{target} = {t.CSharpName}.Decode(ref reader);");
                return;
            case AvroKind.Enum:
                w.WriteLine(
                    $"{target} = ({t.CSharpName})reader.ReadEnumIndex({label}, {t.CSharpName}Avro.Symbols.Length);"
                );
                return;
            case AvroKind.Array:
            case AvroKind.Map:
                DecodeCollection(w, t, target, label, pos);
                return;
            case AvroKind.Union:
                DecodeUnion(w, t, target, label, pos);
                return;
            default:
                w.WriteLine($"{target} = {ReadPrimitive(t, label)};");
                return;
        }
    }

    private static string ReadPrimitive(AvroTypeModel t, string label) =>
        t.Kind switch
        {
            AvroKind.Boolean => $"reader.ReadBoolean({label})",
            AvroKind.Int => t.Logical switch
            {
                AvroLogical.Date => $"reader.ReadDate({label})",
                AvroLogical.TimeMillis => $"reader.ReadTimeMillis({label})",
                _ => $"reader.ReadInt({label})",
            },
            AvroKind.Long => t.Logical switch
            {
                AvroLogical.TimeMicros => $"reader.ReadTimeMicros({label})",
                AvroLogical.TimestampMillis => $"reader.ReadTimestampMillis({label})",
                AvroLogical.TimestampMicros => $"reader.ReadTimestampMicros({label})",
                AvroLogical.LocalTimestampMillis => $"reader.ReadLocalTimestampMillis({label})",
                AvroLogical.LocalTimestampMicros => $"reader.ReadLocalTimestampMicros({label})",
                _ => $"reader.ReadLong({label})",
            },
            AvroKind.Float => $"reader.ReadFloat({label})",
            AvroKind.Double => $"reader.ReadDouble({label})",
            AvroKind.String => t.Logical == AvroLogical.Uuid
                ? $"reader.ReadUuid({label})"
                : $"reader.ReadString({label})",
            AvroKind.Bytes => t.Logical == AvroLogical.Decimal
                ? (
                    AvroCSharpTypes.IsClrDecimal(t)
                        ? $"reader.ReadDecimal({label}, {Str(t.Scale)})"
                        : $"reader.ReadAvroDecimal({label}, {Str(t.Scale)})"
                )
                : $"reader.ReadBytes({label})",
            _ => t.Logical switch
            {
                AvroLogical.Decimal => AvroCSharpTypes.IsClrDecimal(t)
                    ? $"reader.ReadDecimalFixed({label}, {Str(t.Size)}, {Str(t.Scale)})"
                    : $"reader.ReadAvroDecimalFixed({label}, {Str(t.Size)}, {Str(t.Scale)})",
                AvroLogical.Duration => $"reader.ReadDuration({label})",
                AvroLogical.Uuid => $"reader.ReadUuidFixed({label})",
                _ => $"reader.ReadFixed({label}, {Str(t.Size)})",
            },
        };

    /// <summary>The fewest bytes one item can take: a block count larger than the bytes left over this is corrupt.</summary>
    private static int MinBytes(AvroTypeModel t) =>
        t.Kind switch
        {
            AvroKind.Null or AvroKind.Record => 0,
            AvroKind.Float => 4,
            AvroKind.Double => 8,
            AvroKind.Fixed => t.Size,
            AvroKind.Union when t.NullableIndex >= 0 => 1,
            _ => 1,
        };

    /// <summary>An array or a map written with this type's own schema.</summary>
    private void DecodeCollection(
        SourceWriter w,
        AvroTypeModel t,
        string target,
        string label,
        string pos
    ) =>
        DecodeBlocks(
            w,
            t,
            target,
            label,
            pos,
            prelude: null,
            $"reader.ReadBlockCount({label}, {Str(MinBytes(t.Items!))})",
            (x, innerPos) => Decode(w, t.Items!, x, label, innerPos)
        );

    /// <summary>A nullable union by its branch index; a wider union by its generated type.</summary>
    private void DecodeUnion(
        SourceWriter w,
        AvroTypeModel t,
        string target,
        string label,
        string pos
    )
    {
        var nIndex = t.NullableIndex;
        if (nIndex < 0)
        {
            Unions[pos] = t;
            w.WriteLine(
                $"{target} = {AvroCSharpTypes.UnionName(pos)}.Decode(ref reader, {label});"
            );
            return;
        }
        using (w.WriteBlock($"if (reader.ReadUnionIndex({label}, 2) == {Str(1 - nIndex)})"))
        {
            Decode(w, t.Branches[1 - nIndex], target, label, pos);
        }
        using (w.WriteBlock("else"))
        {
            w.WriteLine($"{target} = null;");
        }
    }
}

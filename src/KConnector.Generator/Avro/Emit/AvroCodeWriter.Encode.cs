using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

internal sealed partial class AvroCodeWriter
{
    public void Encode(SourceWriter w, AvroTypeModel t, string e, string label, string pos)
    {
        switch (t.Kind)
        {
            case AvroKind.Array:
                EncodeArray(w, t, e, label, pos);
                return;
            case AvroKind.Map:
                EncodeMap(w, t, e, label, pos);
                return;
            case AvroKind.Union:
                EncodeUnion(w, t, e, label, pos);
                return;
            default:
                // null writes nothing; an unresolved reference never reaches an emitter.
                if (EncodeScalar(t, e, label) is { } line)
                {
                    w.WriteLine(line);
                }
                return;
        }
    }

    /// <summary>The one statement that writes a primitive, a logical type, a fixed, an enum or a record.</summary>
    private static string? EncodeScalar(AvroTypeModel t, string e, string label) =>
        t.Kind switch
        {
            AvroKind.Boolean => $"writer.WriteBoolean({e});",
            AvroKind.Int => t.Logical switch
            {
                AvroLogical.Date => $"writer.WriteInt({Time}.ToDays({e}));",
                AvroLogical.TimeMillis => $"writer.WriteInt({Time}.ToMillisOfDay({e}));",
                _ => $"writer.WriteInt({e});",
            },
            AvroKind.Long => t.Logical switch
            {
                AvroLogical.TimeMicros => $"writer.WriteLong({Time}.ToMicrosOfDay({e}));",
                AvroLogical.TimestampMillis => $"writer.WriteLong({Time}.ToUnixMillis({e}));",
                AvroLogical.TimestampMicros => $"writer.WriteLong({Time}.ToUnixMicros({e}));",
                AvroLogical.LocalTimestampMillis => $"writer.WriteLong({Time}.ToLocalMillis({e}));",
                AvroLogical.LocalTimestampMicros => $"writer.WriteLong({Time}.ToLocalMicros({e}));",
                _ => $"writer.WriteLong({e});",
            },
            AvroKind.Float => $"writer.WriteFloat({e});",
            AvroKind.Double => $"writer.WriteDouble({e});",
            AvroKind.String => t.Logical == AvroLogical.Uuid
                ? $"writer.WriteUuid({e});"
                : $"writer.WriteString({e});",
            AvroKind.Bytes => t.Logical == AvroLogical.Decimal
                ? $"writer.WriteDecimal({e}, {Str(t.Precision)}, {Str(t.Scale)}, {label});"
                : $"writer.WriteBytes({e});",
            AvroKind.Fixed => t.Logical switch
            {
                AvroLogical.Decimal =>
                    $"writer.WriteDecimalFixed({e}, {Str(t.Precision)}, {Str(t.Scale)}, {Str(t.Size)}, {label});",
                AvroLogical.Duration => $"writer.WriteDuration({e});",
                AvroLogical.Uuid => $"writer.WriteUuidFixed({e});",
                _ => $"writer.WriteFixed({e}, {Str(t.Size)}, {label});",
            },
            AvroKind.Record => $"{t.CSharpName}.Encode(ref writer, {e});",
            AvroKind.Enum =>
                $"writer.WriteEnum((int){e}, {t.CSharpName}Avro.Symbols.Length, {label});",
            _ => null,
        };

    private void EncodeArray(SourceWriter w, AvroTypeModel t, string e, string label, string pos)
    {
        var a = Temp("a");
        var i = Temp("i");
        using (w.WriteBlock())
        {
            w.WriteLine($"var {a} = {e};");
            using (w.WriteBlock($"if ({a}.Count > 0)"))
            {
                w.WriteLine($"writer.WriteLong({a}.Count);");
                using (w.WriteBlock($"for (var {i} = 0; {i} < {a}.Count; {i}++)"))
                {
                    Encode(w, t.Items!, $"{a}[{i}]", label, pos + "Item");
                }
            }
            w.WriteLine("writer.WriteLong(0);");
        }
    }

    private void EncodeMap(SourceWriter w, AvroTypeModel t, string e, string label, string pos)
    {
        var m = Temp("m");
        var d = Temp("d");
        var kv = Temp("kv");
        var valueType = AvroCSharpTypes.Of(t.Items!, pos + "Value");
        using (w.WriteBlock())
        {
            w.WriteLine($"var {m} = {e};");
            using (w.WriteBlock($"if ({m}.Count > 0)"))
            {
                w.WriteLine($"writer.WriteLong({m}.Count);");
                // A Dictionary's struct enumerator keeps the encode allocation-free.
                using (
                    w.WriteBlock(
                        $"if ({m} is global::System.Collections.Generic.Dictionary<string, {valueType}> {d})"
                    )
                )
                using (w.WriteBlock($"foreach (var {kv} in {d})"))
                {
                    w.WriteLine($"writer.WriteString({kv}.Key);");
                    Encode(w, t.Items!, $"{kv}.Value", label, pos + "Value");
                }
                using (w.WriteBlock("else"))
                using (w.WriteBlock($"foreach (var {kv} in {m})"))
                {
                    w.WriteLine($"writer.WriteString({kv}.Key);");
                    Encode(w, t.Items!, $"{kv}.Value", label, pos + "Value");
                }
            }
            w.WriteLine("writer.WriteLong(0);");
        }
    }

    /// <summary>["null", T] inline; any other union through its generated union record.</summary>
    private void EncodeUnion(SourceWriter w, AvroTypeModel t, string e, string label, string pos)
    {
        var n = t.NullableIndex;
        if (n < 0)
        {
            Unions[pos] = t;
            w.WriteLine($"{AvroCSharpTypes.UnionName(pos)}.Encode(ref writer, {e}, {label});");
            return;
        }
        var v = Temp("v");
        using (w.WriteBlock($"if ({e} is {{ }} {v})"))
        {
            w.WriteLine($"writer.WriteUnionIndex({Str(1 - n)});");
            Encode(w, t.Branches[1 - n], v, label, pos);
        }
        using (w.WriteBlock("else"))
        {
            w.WriteLine($"writer.WriteUnionIndex({Str(n)});");
        }
    }
}

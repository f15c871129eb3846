using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

internal sealed partial class AvroCodeWriter
{
    /// <summary>Writes one JSON value the way Kafka Connect's JsonConverter (schemas.enable=false) prints the Connect value.</summary>
    public void Json(SourceWriter w, AvroTypeModel t, string e, string pos)
    {
        switch (t.Kind)
        {
            case AvroKind.Null:
                w.WriteLine("writer.WriteNullValue();");
                return;
            case AvroKind.Boolean:
                w.WriteLine($"writer.WriteBooleanValue({e});");
                return;
            case AvroKind.Int:
            case AvroKind.Long:
                w.WriteLine($"writer.WriteNumberValue({JsonNumber(t, e)});");
                return;
            case AvroKind.Float:
            case AvroKind.Double:
                w.WriteLine($"{R}.AvroJson.WriteNumber(writer, {e});");
                return;
            case AvroKind.String:
                w.WriteLine($"writer.WriteStringValue({e});");
                return;
            case AvroKind.Bytes:
            case AvroKind.Fixed:
                w.WriteLine(
                    t.Logical switch
                    {
                        AvroLogical.Decimal =>
                            $"{R}.AvroJson.WriteDecimal(writer, {e}, {Str(t.Scale)});",
                        AvroLogical.Duration => $"{R}.AvroJson.WriteDuration(writer, {e});",
                        AvroLogical.Uuid => $"writer.WriteStringValue({e});",
                        _ => $"writer.WriteBase64StringValue({e});",
                    }
                );
                return;
            case AvroKind.Record:
                w.WriteLine($"{t.CSharpName}.WriteJson(writer, {e});");
                return;
            case AvroKind.Enum:
                w.WriteLine($"writer.WriteStringValue({t.CSharpName}Avro.ToSymbol({e}));");
                return;
            case AvroKind.Array:
                JsonArray(w, t, e, pos);
                return;
            case AvroKind.Map:
                JsonMap(w, t, e, pos);
                return;
            case AvroKind.Union:
                JsonUnion(w, t, e, pos);
                return;
        }
    }

    /// <summary>An array as a JSON array of its items.</summary>
    private void JsonArray(SourceWriter w, AvroTypeModel t, string e, string pos)
    {
        var x = Temp("x");
        w.WriteLine("writer.WriteStartArray();");
        using (w.WriteBlock($"foreach (var {x} in {e})"))
        {
            Json(w, t.Items!, x, pos + "Item");
        }
        w.WriteLine("writer.WriteEndArray();");
    }

    /// <summary>A map as a JSON object, its keys as property names.</summary>
    private void JsonMap(SourceWriter w, AvroTypeModel t, string e, string pos)
    {
        var kv = Temp("kv");
        w.WriteLine("writer.WriteStartObject();");
        using (w.WriteBlock($"foreach (var {kv} in {e})"))
        {
            w.WriteLine($"writer.WritePropertyName({kv}.Key);");
            Json(w, t.Items!, kv + ".Value", pos + "Value");
        }
        w.WriteLine("writer.WriteEndObject();");
    }

    /// <summary>A nullable union as its value or null; a wider union by its generated type.</summary>
    private void JsonUnion(SourceWriter w, AvroTypeModel t, string e, string pos)
    {
        var n = t.NullableIndex;
        if (n < 0)
        {
            Unions[pos] = t;
            w.WriteLine($"{AvroCSharpTypes.UnionName(pos)}.WriteJson(writer, {e});");
            return;
        }
        var v = Temp("v");
        using (w.WriteBlock($"if ({e} is {{ }} {v})"))
        {
            Json(w, t.Branches[1 - n], v, pos);
        }
        using (w.WriteBlock("else"))
        {
            w.WriteLine("writer.WriteNullValue();");
        }
    }

    /// <summary>An int or long as Connect prints it: the logical types as their number of days, millis or micros.</summary>
    private string JsonNumber(AvroTypeModel t, string e) =>
        t.Logical switch
        {
            AvroLogical.Date => $"{Time}.ToDays({e})",
            AvroLogical.TimeMillis => $"{Time}.ToMillisOfDay({e})",
            AvroLogical.TimeMicros => $"{Time}.ToMicrosOfDay({e})",
            AvroLogical.TimestampMillis => $"{Time}.ToUnixMillis({e})",
            AvroLogical.TimestampMicros => $"{Time}.ToUnixMicros({e})",
            AvroLogical.LocalTimestampMillis => $"{Time}.ToLocalMillis({e})",
            AvroLogical.LocalTimestampMicros => $"{Time}.ToLocalMicros({e})",
            _ => e,
        };
}

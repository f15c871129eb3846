using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

/// <summary>
/// Writes the statements that encode, decode, decode through a resolution plan, and write JSON
/// for one value of an Avro type: straight-line code, one statement group per type, recursing
/// into arrays, maps and unions. General unions are collected so that the record emitter can
/// write their nested types.
/// </summary>
internal sealed class AvroCodeWriter
{
    private const string R = AvroCSharpTypes.Runtime;
    private const string Resolve = R + ".AvroResolve";
    private const string Time = R + ".AvroTime";
    private int _temp;

    /// <summary>General unions met so far, by position (their type name is position + "Union").</summary>
    public Dictionary<string, AvroTypeModel> Unions { get; } = new(System.StringComparer.Ordinal);

    private string Temp(string prefix) =>
        "__" + prefix + (++_temp).ToString(CultureInfo.InvariantCulture);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Encode(SourceWriter w, AvroTypeModel t, string e, string label, string pos)
    {
        switch (t.Kind)
        {
            case AvroKind.Null:
                return;
            case AvroKind.Boolean:
                w.WriteLine($"writer.WriteBoolean({e});");
                return;
            case AvroKind.Int:
                w.WriteLine(
                    t.Logical switch
                    {
                        AvroLogical.Date => $"writer.WriteInt({Time}.ToDays({e}));",
                        AvroLogical.TimeMillis => $"writer.WriteInt({Time}.ToMillisOfDay({e}));",
                        _ => $"writer.WriteInt({e});",
                    }
                );
                return;
            case AvroKind.Long:
                w.WriteLine(
                    t.Logical switch
                    {
                        AvroLogical.TimeMicros => $"writer.WriteLong({Time}.ToMicrosOfDay({e}));",
                        AvroLogical.TimestampMillis =>
                            $"writer.WriteLong({Time}.ToUnixMillis({e}));",
                        AvroLogical.TimestampMicros =>
                            $"writer.WriteLong({Time}.ToUnixMicros({e}));",
                        AvroLogical.LocalTimestampMillis =>
                            $"writer.WriteLong({Time}.ToLocalMillis({e}));",
                        AvroLogical.LocalTimestampMicros =>
                            $"writer.WriteLong({Time}.ToLocalMicros({e}));",
                        _ => $"writer.WriteLong({e});",
                    }
                );
                return;
            case AvroKind.Float:
                w.WriteLine($"writer.WriteFloat({e});");
                return;
            case AvroKind.Double:
                w.WriteLine($"writer.WriteDouble({e});");
                return;
            case AvroKind.String:
                w.WriteLine(
                    t.Logical == AvroLogical.Uuid
                        ? $"writer.WriteUuid({e});"
                        : $"writer.WriteString({e});"
                );
                return;
            case AvroKind.Bytes:
                w.WriteLine(
                    t.Logical == AvroLogical.Decimal
                        ? $"writer.WriteDecimal({e}, {Str(t.Precision)}, {Str(t.Scale)}, {label});"
                        : $"writer.WriteBytes({e});"
                );
                return;
            case AvroKind.Fixed:
                w.WriteLine(
                    t.Logical switch
                    {
                        AvroLogical.Decimal =>
                            $"writer.WriteDecimalFixed({e}, {Str(t.Precision)}, {Str(t.Scale)}, {Str(t.Size)}, {label});",
                        AvroLogical.Duration => $"writer.WriteDuration({e});",
                        AvroLogical.Uuid => $"writer.WriteUuidFixed({e});",
                        _ => $"writer.WriteFixed({e}, {Str(t.Size)}, {label});",
                    }
                );
                return;
            case AvroKind.Record:
                w.WriteLine($"{t.CSharpName}.Encode(ref writer, {e});");
                return;
            case AvroKind.Enum:
                w.WriteLine(
                    $"writer.WriteEnum((int){e}, {t.CSharpName}Avro.Symbols.Length, {label});"
                );
                return;
            case AvroKind.Array:
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
                return;
            }
            case AvroKind.Map:
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
                return;
            }
            case AvroKind.Union:
            {
                var n = t.NullableIndex;
                if (n < 0)
                {
                    Unions[pos] = t;
                    w.WriteLine(
                        $"{AvroCSharpTypes.UnionName(pos)}.Encode(ref writer, {e}, {label});"
                    );
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
                return;
            }
        }
    }

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
            {
                var isArray = t.Kind == AvroKind.Array;
                var innerPos = pos + (isArray ? "Item" : "Value");
                var itemType = AvroCSharpTypes.Of(t.Items!, innerPos);
                var c = Temp("c");
                var n = Temp("n");
                var i = Temp("i");
                var x = Temp("x");
                using (w.WriteBlock())
                {
                    w.WriteLine(
                        isArray
                            ? $"var {c} = new global::System.Collections.Generic.List<{itemType}>();"
                            : $"var {c} = new global::System.Collections.Generic.Dictionary<string, {itemType}>(global::System.StringComparer.Ordinal);"
                    );
                    w.WriteLine($"int {n};");
                    using (
                        w.WriteBlock(
                            $"while (({n} = reader.ReadBlockCount({label}, {Str(MinBytes(t.Items!))})) != 0)"
                        )
                    )
                    {
                        w.WriteLine($"{c}.EnsureCapacity({c}.Count + {n});");
                        using (w.WriteBlock($"for (var {i} = 0; {i} < {n}; {i}++)"))
                        {
                            if (!isArray)
                            {
                                w.WriteLine($"var {x}Key = reader.ReadString({label});");
                            }
                            w.WriteLine($"{itemType} {x} = default!;");
                            Decode(w, t.Items!, x, label, innerPos);
                            w.WriteLine(isArray ? $"{c}.Add({x});" : $"{c}[{x}Key] = {x};");
                        }
                    }
                    w.WriteLine($"{target} = {c};");
                }
                return;
            }
            case AvroKind.Union:
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
                return;
            }
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

    public void DecodeResolved(
        SourceWriter w,
        AvroTypeModel t,
        string target,
        string label,
        string pos,
        string plan
    )
    {
        switch (t.Kind)
        {
            case AvroKind.Null:
                w.WriteLine($"{Resolve}.ReadNull(ref reader, {plan}, {label});");
                w.WriteLine($"{target} = null;");
                return;
            case AvroKind.Record:
                w.WriteLine($"{target} = {t.CSharpName}.DecodeResolved(ref reader, {plan});");
                return;
            case AvroKind.Enum:
                w.WriteLine(
                    $"{target} = ({t.CSharpName}){Resolve}.ReadEnum(ref reader, {plan}, {label});"
                );
                return;
            case AvroKind.Array:
            case AvroKind.Map:
            {
                var isArray = t.Kind == AvroKind.Array;
                var innerPos = pos + (isArray ? "Item" : "Value");
                var itemType = AvroCSharpTypes.Of(t.Items!, innerPos);
                var p = Temp("p");
                var c = Temp("c");
                var n = Temp("n");
                var i = Temp("i");
                var x = Temp("x");
                using (w.WriteBlock())
                {
                    w.WriteLine($"var {p} = {Resolve}.Unwrap(ref reader, {plan}, {label});");
                    w.WriteLine(
                        isArray
                            ? $"var {c} = new global::System.Collections.Generic.List<{itemType}>();"
                            : $"var {c} = new global::System.Collections.Generic.Dictionary<string, {itemType}>(global::System.StringComparer.Ordinal);"
                    );
                    w.WriteLine($"int {n};");
                    using (
                        w.WriteBlock(
                            $"while (({n} = {Resolve}.ReadBlockCount(ref reader, {p}, {label})) != 0)"
                        )
                    )
                    {
                        w.WriteLine($"{c}.EnsureCapacity({c}.Count + {n});");
                        using (w.WriteBlock($"for (var {i} = 0; {i} < {n}; {i}++)"))
                        {
                            if (!isArray)
                            {
                                w.WriteLine($"var {x}Key = reader.ReadString({label});");
                            }
                            w.WriteLine($"{itemType} {x} = default!;");
                            DecodeResolved(w, t.Items!, x, label, innerPos, p + ".Items!");
                            w.WriteLine(isArray ? $"{c}.Add({x});" : $"{c}[{x}Key] = {x};");
                        }
                    }
                    w.WriteLine($"{target} = {c};");
                }
                return;
            }
            case AvroKind.Union:
            {
                var nIndex = t.NullableIndex;
                if (nIndex < 0)
                {
                    Unions[pos] = t;
                    w.WriteLine(
                        $"{target} = {AvroCSharpTypes.UnionName(pos)}.DecodeResolved(ref reader, {plan}, {label});"
                    );
                    return;
                }
                var bp = Temp("bp");
                using (
                    w.WriteBlock(
                        $"if ({Resolve}.ReadUnionBranch(ref reader, {plan}, {label}, out var {bp}) == {Str(1 - nIndex)})"
                    )
                )
                {
                    DecodeResolved(w, t.Branches[1 - nIndex], target, label, pos, bp);
                }
                using (w.WriteBlock("else"))
                {
                    w.WriteLine($"{target} = null;");
                }
                return;
            }
            default:
                w.WriteLine($"{target} = {ResolvePrimitive(t, label, plan)};");
                return;
        }
    }

    private static string ResolvePrimitive(AvroTypeModel t, string label, string plan)
    {
        var args = $"(ref reader, {plan}, {label})";
        switch (t.Kind)
        {
            case AvroKind.Boolean:
                return Resolve + ".ReadBoolean" + args;
            case AvroKind.Int:
                var i = Resolve + ".ReadInt" + args;
                return t.Logical switch
                {
                    AvroLogical.Date => $"{Time}.DateFromDays({i})",
                    AvroLogical.TimeMillis => $"{Time}.TimeFromMillis({i})",
                    _ => i,
                };
            case AvroKind.Long:
                var l = Resolve + ".ReadLong" + args;
                return t.Logical switch
                {
                    AvroLogical.TimeMicros => $"{Time}.TimeFromMicros({l})",
                    AvroLogical.TimestampMillis => $"{Time}.TimestampFromMillis({l})",
                    AvroLogical.TimestampMicros => $"{Time}.TimestampFromMicros({l})",
                    AvroLogical.LocalTimestampMillis => $"{Time}.LocalTimestampFromMillis({l})",
                    AvroLogical.LocalTimestampMicros => $"{Time}.LocalTimestampFromMicros({l})",
                    _ => l,
                };
            case AvroKind.Float:
                return Resolve + ".ReadFloat" + args;
            case AvroKind.Double:
                return Resolve + ".ReadDouble" + args;
            case AvroKind.String:
                var s = Resolve + ".ReadString" + args;
                return t.Logical == AvroLogical.Uuid ? $"{R}.AvroUuid.Parse({s}, {label})" : s;
            default:
                var b =
                    t.Kind == AvroKind.Bytes
                        ? Resolve + ".ReadBytes" + args
                        : $"{Resolve}.ReadFixed(ref reader, {plan}, {label}, {Str(t.Size)})";
                return t.Logical switch
                {
                    AvroLogical.Decimal => AvroCSharpTypes.IsClrDecimal(t)
                        ? $"{R}.AvroDecimal.FromUnscaledBytes({b}, {Str(t.Scale)}).ToDecimal()"
                        : $"{R}.AvroDecimal.FromUnscaledBytes({b}, {Str(t.Scale)})",
                    AvroLogical.Duration => $"{R}.AvroDuration.FromBytes({b})",
                    AvroLogical.Uuid => $"new global::System.Guid({b}, true)",
                    _ => b,
                };
        }
    }

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
                var number = t.Logical switch
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
                w.WriteLine($"writer.WriteNumberValue({number});");
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
            {
                var x = Temp("x");
                w.WriteLine("writer.WriteStartArray();");
                using (w.WriteBlock($"foreach (var {x} in {e})"))
                {
                    Json(w, t.Items!, x, pos + "Item");
                }
                w.WriteLine("writer.WriteEndArray();");
                return;
            }
            case AvroKind.Map:
            {
                var kv = Temp("kv");
                w.WriteLine("writer.WriteStartObject();");
                using (w.WriteBlock($"foreach (var {kv} in {e})"))
                {
                    w.WriteLine($"writer.WritePropertyName({kv}.Key);");
                    Json(w, t.Items!, kv + ".Value", pos + "Value");
                }
                w.WriteLine("writer.WriteEndObject();");
                return;
            }
            case AvroKind.Union:
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
                return;
            }
        }
    }
}

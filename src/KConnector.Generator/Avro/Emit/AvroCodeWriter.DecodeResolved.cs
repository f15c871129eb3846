using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

internal sealed partial class AvroCodeWriter
{
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
                DecodeResolvedCollection(w, t, target, label, pos, plan);
                return;
            case AvroKind.Union:
                DecodeResolvedUnion(w, t, target, label, pos, plan);
                return;
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

    /// <summary>An array or a map written with another schema: blocks read by the resolution plan of its items.</summary>
    private void DecodeResolvedCollection(
        SourceWriter w,
        AvroTypeModel t,
        string target,
        string label,
        string pos,
        string plan
    )
    {
        var p = Temp("p");
        DecodeBlocks(
            w,
            t,
            target,
            label,
            pos,
            $"var {p} = {Resolve}.Unwrap(ref reader, {plan}, {label});",
            $"{Resolve}.ReadBlockCount(ref reader, {p}, {label})",
            (x, innerPos) => DecodeResolved(w, t.Items!, x, label, innerPos, p + ".Items!")
        );
    }

    /// <summary>A nullable union written with another schema: the plan maps the writer's branch to ours.</summary>
    private void DecodeResolvedUnion(
        SourceWriter w,
        AvroTypeModel t,
        string target,
        string label,
        string pos,
        string plan
    )
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
    }
}

using System;
using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

internal sealed partial class AvroCodeWriter
{
    /// <summary>
    /// An array or a map: Avro blocks of items (a map's each with its string key) until a zero
    /// count, for both decoders: <paramref name="blockCount"/> is how a count is read (with the
    /// block-count variable's name), <paramref name="decodeItem"/> writes one item's read into
    /// the variable it is given, at the item's type position.
    /// </summary>
    private void DecodeBlocks(
        SourceWriter w,
        AvroTypeModel t,
        string target,
        string label,
        string pos,
        string? prelude,
        string blockCount,
        Action<string, string> decodeItem
    )
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
            if (prelude is not null)
            {
                w.WriteLine(prelude);
            }
            w.WriteLine(
                isArray
                    ? $"var {c} = new global::System.Collections.Generic.List<{itemType}>();"
                    : $"var {c} = new global::System.Collections.Generic.Dictionary<string, {itemType}>(global::System.StringComparer.Ordinal);"
            );
            w.WriteLine($"int {n};");
            using (w.WriteBlock($"while (({n} = {blockCount}) != 0)"))
            {
                w.WriteLine($"{c}.EnsureCapacity({c}.Count + {n});");
                using (w.WriteBlock($"for (var {i} = 0; {i} < {n}; {i}++)"))
                {
                    if (!isArray)
                    {
                        w.WriteLine($"var {x}Key = reader.ReadString({label});");
                    }
                    w.WriteLine($"{itemType} {x} = default!;");
                    decodeItem(x, innerPos);
                    w.WriteLine(isArray ? $"{c}.Add({x});" : $"{c}[{x}Key] = {x};");
                }
            }
            w.WriteLine($"{target} = {c};");
        }
    }
}

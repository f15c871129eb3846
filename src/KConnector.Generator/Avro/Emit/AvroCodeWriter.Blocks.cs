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
            if (isArray)
            {
                DecodeArrayBlocks(
                    w,
                    target,
                    itemType,
                    blockCount,
                    decodeItem,
                    innerPos,
                    (c, n, i, x)
                );
                return;
            }
            w.WriteLine(
                $"var {c} = new global::System.Collections.Generic.Dictionary<string, {itemType}>(global::System.StringComparer.Ordinal);"
            );
            w.WriteLine($"int {n};");
            using (w.WriteBlock($"while (({n} = {blockCount}) != 0)"))
            {
                w.WriteLine($"{c}.EnsureCapacity({c}.Count + {n});");
                using (w.WriteBlock($"for (var {i} = 0; {i} < {n}; {i}++)"))
                {
                    w.WriteLine($"var {x}Key = reader.ReadString({label});");
                    w.WriteLine($"{itemType} {x} = default!;");
                    decodeItem(x, innerPos);
                    w.WriteLine($"{c}[{x}Key] = {x};");
                }
            }
            w.WriteLine($"{target} = {c};");
        }
    }

    /// <summary>
    /// An array's items into an array sized from the block counts: writers put a whole array in
    /// one block (Apache.Avro, the Java library, this codec), so the first block's count sizes the
    /// array before anything is read into it (no empty array grown, no list around it); more
    /// blocks grow it by doubling and trim it once at the end.
    /// </summary>
    private static void DecodeArrayBlocks(
        SourceWriter w,
        string target,
        string itemType,
        string blockCount,
        Action<string, string> decodeItem,
        string innerPos,
        (string Items, string Count, string Index, string Item) v
    )
    {
        var used = v.Items + "Used";
        w.WriteLine($"var {v.Count} = {blockCount};");
        w.WriteLine(
            $"var {v.Items} = {v.Count} == 0 ? global::System.Array.Empty<{itemType}>() : {NewArray(itemType, v.Count)};"
        );
        w.WriteLine($"var {used} = 0;");
        using (w.WriteBlock($"while ({v.Count} != 0)"))
        {
            using (w.WriteBlock($"for (var {v.Index} = 0; {v.Index} < {v.Count}; {v.Index}++)"))
            {
                w.WriteLine($"{itemType} {v.Item} = default!;");
                decodeItem(v.Item, innerPos);
                w.WriteLine($"{v.Items}[{used}++] = {v.Item};");
            }
            using (
                w.WriteBlock(
                    $"if (({v.Count} = {blockCount}) != 0 && {v.Items}.Length - {used} < {v.Count})"
                )
            )
            {
                w.WriteLine(
                    $"global::System.Array.Resize(ref {v.Items}, global::System.Math.Max({used} + {v.Count}, {v.Items}.Length * 2));"
                );
            }
        }
        using (w.WriteBlock($"if ({used} != {v.Items}.Length)"))
        {
            w.WriteLine($"global::System.Array.Resize(ref {v.Items}, {used});");
        }
        w.WriteLine($"{target} = {v.Items};");
    }

    /// <summary>
    /// A new array of <paramref name="count"/> items: <c>new T[count]</c>, which allocates with the
    /// array's exact type (a generic helper would look it up at run time for reference types).
    /// An item type that is itself an array (bytes: <c>byte[]</c>) would need its brackets after
    /// the count, nullable ones an annotation C# spells awkwardly; those use
    /// GC.AllocateUninitializedArray, safe because every slot up to the used count is written
    /// before the array is seen, and it is trimmed to that count.
    /// </summary>
    private static string NewArray(string itemType, string count) =>
        HasArrayBrackets(itemType)
            ? $"global::System.GC.AllocateUninitializedArray<{itemType}>({count})"
            : $"new {itemType}[{count}]";

    // Brackets outside any type arguments: IReadOnlyList<byte[]> has none, byte[] has.
    private static bool HasArrayBrackets(string type)
    {
        var depth = 0;
        foreach (var c in type)
        {
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth--;
            }
            else if (c == '[' && depth == 0)
            {
                return true;
            }
        }
        return false;
    }
}

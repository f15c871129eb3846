using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// One field of the output record: its name and the C# expression that computes it. A struct
/// field has <see cref="Fields"/>, each computed over the same input, and its expression is the
/// nested input record it is null when that is null (optional), or empty (always built).
/// </summary>
/// <param name="Emptied">An array or map of records MaskField masked: empty (null when the input collection is).</param>
/// <param name="IsUnion">A wider union (AvroData's Union struct): <see cref="Fields"/> are its branches, each null but the one holding the value.</param>
/// <param name="ItemParameter">For an array or map of records, the lambda parameter each item's <see cref="Fields"/> are computed over; the expression is the input collection.</param>
internal sealed record CompiledField(
    string Name,
    string Expression,
    bool IsRecord = false,
    bool Optional = false,
    EquatableArray<CompiledField> Fields = default,
    string? ItemParameter = null,
    bool IsMap = false,
    bool IsUnion = false,
    bool Emptied = false
)
{
    public static CompiledField Of(CompiledSlot slot) =>
        slot.Fields is { } fields
            ? new CompiledField(
                slot.Name,
                slot.Expression,
                IsRecord: true,
                slot.Optional,
                fields.Select(Of).ToEquatableArray(),
                IsUnion: slot.IsUnion
            )
        : slot.ItemFields is { } items
            ? new CompiledField(
                slot.Name,
                slot.Expression,
                Optional: slot.Optional,
                Fields: items.Select(Of).ToEquatableArray(),
                ItemParameter: slot.ItemParameter,
                IsMap: slot.Type == ConnectSchemaType.Map,
                Emptied: slot.Emptied
            )
        : new CompiledField(slot.Name, slot.Expression);
}

using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// One field of the output record: its name and the C# expression that computes it. A struct
/// field has <see cref="Fields"/>, each computed over the same input, and its expression is the
/// nested input record it is null when that is null (optional), or empty (always built).
/// </summary>
internal sealed record CompiledField(
    string Name,
    string Expression,
    bool IsRecord = false,
    bool Optional = false,
    EquatableArray<CompiledField> Fields = default
)
{
    public static CompiledField Of(CompiledSlot slot) =>
        slot.Fields is { } fields
            ? new CompiledField(
                slot.Name,
                slot.Expression,
                IsRecord: true,
                slot.Optional,
                fields.Select(Of).ToEquatableArray()
            )
            : new CompiledField(slot.Name, slot.Expression);
}

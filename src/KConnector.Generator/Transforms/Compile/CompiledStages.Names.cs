using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The names of the output's unnamed structs (HoistField's, or an input record Confluent's AvroData
/// reads as unnamed: one named <c>io.confluent.connect.avro.ConnectDefault...</c>). AvroData's
/// <c>fromConnectSchema</c> names them as it meets them, the record before its fields, the fields
/// in order: <c>ConnectDefault</c>, then <c>ConnectDefault2</c>, <c>ConnectDefault3</c>... So with
/// two HoistFields the outer record is ConnectDefault and the one it holds ConnectDefault2.
/// </summary>
internal sealed partial class CompiledStages
{
    /// <summary>Numbers the unnamed structs of the compiled output as AvroData does; call once, after the last stage.</summary>
    public void NameUnnamedRecords()
    {
        var met = 0;
        string Name(string name) =>
            name.StartsWith(DefaultRecord, System.StringComparison.Ordinal)
                ? DefaultRecord
                    + (++met > 1 ? met.ToString(CultureInfo.InvariantCulture) : string.Empty)
                : name;
        RecordName = Name(RecordName);
        Slots = Named(Slots, Name);
    }

    private static List<CompiledSlot> Named(
        IReadOnlyList<CompiledSlot> slots,
        System.Func<string, string> name
    ) =>
        slots
            .Select(s =>
                s.Fields is { } fields
                    ? s with
                    {
                        RecordName = name(s.RecordName!),
                        Fields = Named(fields, name),
                    }
                    : s
            )
            .ToList();
}

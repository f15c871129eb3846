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
internal sealed partial class AvroCodeWriter
{
    internal const string R = AvroCSharpTypes.Runtime;
    internal const string Resolve = R + ".AvroResolve";
    internal const string Time = R + ".AvroTime";
    private int _temp;

    /// <summary>General unions met so far, by position (their type name is position + "Union").</summary>
    public Dictionary<string, AvroTypeModel> Unions { get; } = new(System.StringComparer.Ordinal);

    internal string Temp(string prefix) =>
        "__" + prefix + (++_temp).ToString(CultureInfo.InvariantCulture);

    internal static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Avro;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Transforms;

/// <summary>
/// The Connect schema parameters Confluent's AvroData (<c>toConnectSchema</c>, default settings:
/// <c>connect.meta.data</c> on, enhanced schema support off) gives the Avro types Connect has no
/// type of its own for: an enum is a STRING carrying its name and symbols
/// (<c>io.confluent.connect.avro.Enum</c>, <c>io.confluent.connect.avro.Enum.{symbol}</c>, its doc
/// and default before them), a decimal is Connect's Decimal carrying <c>scale</c> and, unless it
/// is AvroData's default 64, <c>connect.decimal.precision</c>.
/// </summary>
internal static class AvroDataParameters
{
    public const string EnumName = "io.confluent.connect.avro.Enum";
    public const string Scale = "scale";
    public const string Precision = "connect.decimal.precision";
    public const string FixedSize = "connect.fixed.size";

    /// <summary>AvroData's precision for a Decimal without <see cref="Precision"/>.</summary>
    public const int DefaultPrecision = 64;

    public static EquatableArray<ConnectParameter> OfEnum(AvroNamedTypeModel named)
    {
        var parameters = new List<ConnectParameter>();
        if (named.Doc is { } doc)
        {
            parameters.Add(new("io.confluent.connect.avro.enum.doc." + named.Name, doc));
        }
        if (named.EnumDefault is { } symbol)
        {
            parameters.Add(new("io.confluent.connect.avro.enum.default." + named.Name, symbol));
        }
        parameters.Add(new(EnumName, named.FullName));
        parameters.AddRange(named.Symbols.Select(s => new ConnectParameter(EnumName + "." + s, s)));
        return parameters.ToEquatableArray();
    }

    public static EquatableArray<ConnectParameter> OfDecimal(int precision, int scale)
    {
        var parameters = new List<ConnectParameter> { new(Scale, Text(scale)) };
        if (precision != DefaultPrecision)
        {
            parameters.Add(new(Precision, Text(precision)));
        }
        return parameters.ToEquatableArray();
    }

    public static EquatableArray<ConnectParameter> OfFixed(int size) =>
        new[] { new ConnectParameter(FixedSize, Text(size)) }.ToEquatableArray();

    /// <summary>The size of a fixed (a named BYTES with <see cref="FixedSize"/>, as AvroData's isFixedSchema), or null.</summary>
    public static int? FixedSizeOf(EquatableArray<ConnectParameter> parameters) =>
        Number(parameters, FixedSize);

    /// <summary>The enum's full name, which is also its Connect schema's name; null when it is no enum.</summary>
    public static string? EnumOf(EquatableArray<ConnectParameter> parameters) =>
        parameters.FirstOrDefault(p => p.Key == EnumName)?.Value;

    public static int ScaleOf(EquatableArray<ConnectParameter> parameters) =>
        Number(parameters, Scale) ?? 0;

    public static int PrecisionOf(EquatableArray<ConnectParameter> parameters) =>
        Number(parameters, Precision) ?? DefaultPrecision;

    private static int? Number(EquatableArray<ConnectParameter> parameters, string key) =>
        parameters.FirstOrDefault(p => p.Key == key) is { } p
            ? int.Parse(p.Value, CultureInfo.InvariantCulture)
            : null;

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Globalization;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Json;

namespace KConnector.Generator.Avro;

internal sealed partial class AvroSchemaParser
{
    /// <summary>
    /// Reads a logical type annotation (spec "Logical Types"). Unknown logical types are ignored
    /// silently; a known one on the wrong type or with invalid parameters is ignored with a
    /// warning: either way the field keeps its underlying type, as the specification requires.
    /// With the item metadata KConnectorLogicalTypes="underlying", every logical type of the file
    /// is read as its underlying type (what Java's GenericDatumReader without conversions and
    /// avsc without logicalTypes do), for data whose values .NET's types cannot hold (a date
    /// beyond year 9999, a uuid string that is not a UUID); the attributes stay in the schema.
    /// </summary>
    private (AvroLogical Logical, int Precision, int Scale) ParseLogical(
        JsonNode node,
        AvroKind kind,
        int size,
        string path
    )
    {
        if (
            node["logicalType"] is not { Kind: JsonKind.String } lt
            || _file.LogicalTypes == "underlying"
        )
        {
            return (AvroLogical.None, 0, 0);
        }
        var ltPath = path + ".logicalType";
        var underlying =
            kind == AvroKind.Fixed
                ? "fixed(" + size.ToString(CultureInfo.InvariantCulture) + ")"
                : kind.ToString().ToLowerInvariant();
        AvroLogical Expect(AvroLogical logical, bool valid, string needs)
        {
            if (valid)
            {
                return logical;
            }
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidLogicalType,
                lt,
                ltPath,
                lt.Text!,
                "it annotates " + needs + ", not " + underlying
            );
            return AvroLogical.None;
        }
        switch (lt.Text)
        {
            case "decimal":
                return ParseDecimal(node, kind, size, path, lt, underlying);
            case "uuid":
                return (
                    Expect(
                        AvroLogical.Uuid,
                        kind == AvroKind.String || (kind == AvroKind.Fixed && size == 16),
                        "string or fixed(16)"
                    ),
                    0,
                    0
                );
            case "date":
                return (Expect(AvroLogical.Date, kind == AvroKind.Int, "int"), 0, 0);
            case "time-millis":
                return (Expect(AvroLogical.TimeMillis, kind == AvroKind.Int, "int"), 0, 0);
            case "time-micros":
                return (Expect(AvroLogical.TimeMicros, kind == AvroKind.Long, "long"), 0, 0);
            case "timestamp-millis":
                return (Expect(AvroLogical.TimestampMillis, kind == AvroKind.Long, "long"), 0, 0);
            case "timestamp-micros":
                return (Expect(AvroLogical.TimestampMicros, kind == AvroKind.Long, "long"), 0, 0);
            case "local-timestamp-millis":
                return (
                    Expect(AvroLogical.LocalTimestampMillis, kind == AvroKind.Long, "long"),
                    0,
                    0
                );
            case "local-timestamp-micros":
                return (
                    Expect(AvroLogical.LocalTimestampMicros, kind == AvroKind.Long, "long"),
                    0,
                    0
                );
            case "duration":
                return (
                    Expect(AvroLogical.Duration, kind == AvroKind.Fixed && size == 12, "fixed(12)"),
                    0,
                    0
                );
            default:
                // timestamp-nanos and custom logical types: the underlying type, no warning.
                return (AvroLogical.None, 0, 0);
        }
    }

    private (AvroLogical, int, int) ParseDecimal(
        JsonNode node,
        AvroKind kind,
        int size,
        string path,
        JsonNode lt,
        string underlying
    )
    {
        (AvroLogical, int, int) Invalid(JsonNode at, string atPath, string reason)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidLogicalType,
                at,
                atPath,
                "decimal",
                reason
            );
            return (AvroLogical.None, 0, 0);
        }
        if (kind is not (AvroKind.Bytes or AvroKind.Fixed))
        {
            return Invalid(
                lt,
                path + ".logicalType",
                "it annotates bytes or fixed, not " + underlying
            );
        }
        if (node["precision"] is not { } p)
        {
            return Invalid(node, path, "\"precision\" is required");
        }
        if (!TryPositive(p, out var precision) || precision == 0)
        {
            return Invalid(
                p,
                path + ".precision",
                "\"precision\" must be a positive integer, not " + JsonCompactWriter.Write(p)
            );
        }
        var scale = 0;
        if (node["scale"] is { } s && (!TryPositive(s, out scale) || scale > precision))
        {
            return Invalid(
                s,
                path + ".scale",
                "\"scale\" must be an integer from 0 to the precision "
                    + precision.ToString(CultureInfo.InvariantCulture)
                    + ", not "
                    + JsonCompactWriter.Write(s)
            );
        }
        if (kind == AvroKind.Fixed)
        {
            // Spec: precision <= floor(log10(2^(8*size-1) - 1)), the digits a signed fixed can hold.
            var max = (int)Math.Floor(((8.0 * size) - 1) * Math.Log10(2));
            if (precision > max)
            {
                return Invalid(
                    p,
                    path + ".precision",
                    "a fixed("
                        + size.ToString(CultureInfo.InvariantCulture)
                        + ") holds at most "
                        + max.ToString(CultureInfo.InvariantCulture)
                        + " digits, not "
                        + precision.ToString(CultureInfo.InvariantCulture)
                );
            }
        }
        return (AvroLogical.Decimal, precision, scale);
    }

    private static bool TryPositive(JsonNode node, out int value)
    {
        value = 0;
        return node.Kind == JsonKind.Number
            && int.TryParse(node.Text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

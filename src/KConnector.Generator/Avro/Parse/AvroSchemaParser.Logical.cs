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
        if (lt.Text == "decimal")
        {
            return ParseDecimal(node, kind, size, path, lt, underlying);
        }
        if (Annotation(lt.Text!, kind, size) is not { } annotation)
        {
            // timestamp-nanos and custom logical types: the underlying type, no warning.
            return (AvroLogical.None, 0, 0);
        }
        if (annotation.Valid)
        {
            return (annotation.Logical, 0, 0);
        }
        _diagnostics.Report(
            DiagnosticDescriptors.InvalidLogicalType,
            lt,
            ltPath,
            lt.Text!,
            "it annotates " + annotation.Needs + ", not " + underlying
        );
        return (AvroLogical.None, 0, 0);
    }

    /// <summary>
    /// A logical type other than decimal (spec "Logical Types"): whether the underlying type is the
    /// one it annotates, and which that is; null for one this parser does not know.
    /// </summary>
    private static (AvroLogical Logical, bool Valid, string Needs)? Annotation(
        string name,
        AvroKind kind,
        int size
    ) =>
        name switch
        {
            "uuid" => (
                AvroLogical.Uuid,
                kind == AvroKind.String || (kind == AvroKind.Fixed && size == 16),
                "string or fixed(16)"
            ),
            "date" => (AvroLogical.Date, kind == AvroKind.Int, "int"),
            "time-millis" => (AvroLogical.TimeMillis, kind == AvroKind.Int, "int"),
            "time-micros" => (AvroLogical.TimeMicros, kind == AvroKind.Long, "long"),
            "timestamp-millis" => (AvroLogical.TimestampMillis, kind == AvroKind.Long, "long"),
            "timestamp-micros" => (AvroLogical.TimestampMicros, kind == AvroKind.Long, "long"),
            "local-timestamp-millis" => (
                AvroLogical.LocalTimestampMillis,
                kind == AvroKind.Long,
                "long"
            ),
            "local-timestamp-micros" => (
                AvroLogical.LocalTimestampMicros,
                kind == AvroKind.Long,
                "long"
            ),
            "duration" => (AvroLogical.Duration, kind == AvroKind.Fixed && size == 12, "fixed(12)"),
            _ => null,
        };

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

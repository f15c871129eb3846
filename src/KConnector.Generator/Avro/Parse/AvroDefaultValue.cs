using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KConnector.Generator.Emit;
using KConnector.Generator.Json;

namespace KConnector.Generator.Avro;

/// <summary>
/// Checks a field's JSON default against its type (spec "Complex Types: Records", the table of
/// default values per type) and turns it into the C# initializer of the generated property.
/// Bytes and fixed defaults are strings whose code points 0-255 are the bytes; a union's default
/// matches one of its branches (spec 1.12).
/// </summary>
internal sealed class AvroDefaultValue
{
    private readonly Func<string, AvroNamedTypeModel?> _lookup;

    public AvroDefaultValue(Func<string, AvroNamedTypeModel?> lookup) => _lookup = lookup;

    /// <summary>The C# expression, or null with <paramref name="error"/> saying what is wrong and where.</summary>
    public string? Convert(
        JsonNode value,
        AvroTypeModel type,
        string position,
        string recordGlobal,
        string path,
        out string error
    )
    {
        error = string.Empty;
        switch (type.Kind)
        {
            case AvroKind.Null:
                return value.Kind == JsonKind.Null ? "null" : Fail(value, path, "null", out error);
            case AvroKind.Boolean:
                return value.Kind switch
                {
                    JsonKind.True => "true",
                    JsonKind.False => "false",
                    _ => Fail(value, path, "true or false", out error),
                };
            case AvroKind.Int:
            case AvroKind.Long:
            case AvroKind.Float:
            case AvroKind.Double:
                return NumberValue(value, type, path, out error);
            case AvroKind.String:
                return StringValue(value, type, path, out error);
            case AvroKind.Bytes:
            case AvroKind.Fixed:
                return Bytes(value, type, path, out error);
            case AvroKind.Enum:
                return EnumValue(value, type, path, out error);
            case AvroKind.Array:
                return ArrayValue(value, type, position, recordGlobal, path, out error);
            case AvroKind.Map:
                return MapValue(value, type, position, recordGlobal, path, out error);
            case AvroKind.Record:
                return RecordValue(value, type, path, out error);
            case AvroKind.Union:
                return UnionValue(value, type, position, recordGlobal, path, out error);
            default:
                return Fail(value, path, "a value of a known type", out error);
        }
    }

    private static string? Fail(JsonNode value, string path, string expected, out string error)
    {
        error =
            "at " + path + " expected " + expected + ", found " + JsonCompactWriter.Write(value);
        return null;
    }

    private static string? NumberValue(
        JsonNode value,
        AvroTypeModel type,
        string path,
        out string error
    )
    {
        error = string.Empty;
        var text = value.Kind == JsonKind.Number ? value.Text : null;
        switch (type.Kind)
        {
            case AvroKind.Int:
                return int.TryParse(
                    text,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture,
                    out var i
                )
                    ? Logical(type, i.ToString(CultureInfo.InvariantCulture))
                    : Fail(value, path, "an integer from -2^31 to 2^31-1", out error);
            case AvroKind.Long:
                return long.TryParse(
                    text,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture,
                    out var l
                )
                    ? Logical(type, l.ToString(CultureInfo.InvariantCulture) + "L")
                    : Fail(value, path, "an integer from -2^63 to 2^63-1", out error);
            default:
                if (
                    !double.TryParse(
                        text,
                        NumberStyles.Float,
                        CultureInfo.InvariantCulture,
                        out var d
                    ) || double.IsInfinity(d)
                )
                {
                    return Fail(value, path, "a number", out error);
                }
                return type.Kind == AvroKind.Float
                    ? ((float)d).ToString("R", CultureInfo.InvariantCulture) + "f"
                    : d.ToString("R", CultureInfo.InvariantCulture) + "d";
        }
    }

    private static string? StringValue(
        JsonNode value,
        AvroTypeModel type,
        string path,
        out string error
    )
    {
        error = string.Empty;
        if (value.Kind != JsonKind.String)
        {
            return Fail(value, path, "a string", out error);
        }
        if (type.Logical == AvroLogical.Uuid)
        {
            return Guid.TryParse(value.Text, out _)
                ? "global::System.Guid.Parse(" + CSharpLiteral.Quote(value.Text!) + ")"
                : Fail(value, path, "a UUID string", out error);
        }
        return CSharpLiteral.Quote(value.Text!);
    }

    private string? EnumValue(JsonNode value, AvroTypeModel type, string path, out string error)
    {
        error = string.Empty;
        var def = _lookup(type.Name);
        if (value.Kind != JsonKind.String || def is null || !def.Symbols.Contains(value.Text!))
        {
            return Fail(value, path, "one of the symbols of " + type.Name, out error);
        }
        var members = CSharpIdentifier.EnumMembers(def.Symbols, def.TypeName);
        return type.CSharpName + "." + members[def.Symbols.ToList().IndexOf(value.Text!)];
    }

    private string? ArrayValue(
        JsonNode value,
        AvroTypeModel type,
        string position,
        string recordGlobal,
        string path,
        out string error
    )
    {
        error = string.Empty;
        if (value.Kind != JsonKind.Array)
        {
            return Fail(value, path, "an array", out error);
        }
        var itemType = AvroCSharpTypes.Of(type.Items!, position + "Item");
        var items = new List<string>();
        for (var n = 0; n < value.Items.Count; n++)
        {
            var item = Convert(
                value.Items[n],
                type.Items!,
                position + "Item",
                recordGlobal,
                path + "[" + n.ToString(CultureInfo.InvariantCulture) + "]",
                out error
            );
            if (item is null)
            {
                return null;
            }
            items.Add(item);
        }
        return items.Count == 0
            ? "global::System.Array.Empty<" + itemType + ">()"
            : "new " + itemType + "[] { " + string.Join(", ", items) + " }";
    }

    private string? MapValue(
        JsonNode value,
        AvroTypeModel type,
        string position,
        string recordGlobal,
        string path,
        out string error
    )
    {
        error = string.Empty;
        if (value.Kind != JsonKind.Object)
        {
            return Fail(value, path, "an object", out error);
        }
        var valueType = AvroCSharpTypes.Of(type.Items!, position + "Value");
        var sb = new StringBuilder(
            "new global::System.Collections.Generic.Dictionary<string, "
                + valueType
                + ">(global::System.StringComparer.Ordinal) {"
        );
        foreach (var property in value.Properties)
        {
            var item = Convert(
                property.Value,
                type.Items!,
                position + "Value",
                recordGlobal,
                path + "." + property.Name,
                out error
            );
            if (item is null)
            {
                return null;
            }
            sb.Append(" [")
                .Append(CSharpLiteral.Quote(property.Name))
                .Append("] = ")
                .Append(item)
                .Append(',');
        }
        return sb.Append(" }").ToString();
    }

    private string? RecordValue(JsonNode value, AvroTypeModel type, string path, out string error)
    {
        error = string.Empty;
        var def = _lookup(type.Name);
        if (value.Kind != JsonKind.Object || def is null)
        {
            return Fail(value, path, "an object with the fields of " + type.Name, out error);
        }
        var sb = new StringBuilder("new " + type.CSharpName + " {");
        foreach (var field in def.Fields)
        {
            var fieldValue = value[field.AvroName];
            if (fieldValue is null)
            {
                if (field.HasDefault || field.Type.NullableIndex >= 0)
                {
                    continue;
                }
                error =
                    "at "
                    + path
                    + " the field \""
                    + field.AvroName
                    + "\" of "
                    + type.Name
                    + " has no value and no default";
                return null;
            }
            var item = Convert(
                fieldValue,
                field.Type,
                field.PropertyName,
                type.CSharpName,
                path + "." + field.AvroName,
                out error
            );
            if (item is null)
            {
                return null;
            }
            sb.Append(' ').Append(field.PropertyName).Append(" = ").Append(item).Append(',');
        }
        return sb.Append(" }").ToString();
    }

    /// <summary>The first branch the value fits (spec 1.12: any branch), wrapped in its union case unless nullable.</summary>
    private string? UnionValue(
        JsonNode value,
        AvroTypeModel type,
        string position,
        string recordGlobal,
        string path,
        out string error
    )
    {
        error = string.Empty;
        var cases = AvroCSharpTypes.CaseNames(type, position);
        for (var b = 0; b < type.Branches.Count; b++)
        {
            var branch = type.Branches[b];
            var converted = Convert(
                value,
                branch,
                AvroCSharpTypes.CasePosition(position, cases[b]),
                recordGlobal,
                path,
                out _
            );
            if (converted is null)
            {
                continue;
            }
            if (branch.Kind == AvroKind.Null || type.NullableIndex >= 0)
            {
                return converted;
            }
            return "new "
                + recordGlobal
                + "."
                + AvroCSharpTypes.UnionName(position)
                + "."
                + cases[b]
                + "("
                + converted
                + ")";
        }
        return Fail(value, path, "a value of one of the union's branches", out error);
    }

    private static string Logical(AvroTypeModel type, string raw)
    {
        const string time = AvroCSharpTypes.Runtime + ".AvroTime.";
        return type.Logical switch
        {
            AvroLogical.Date => time + "DateFromDays(" + raw + ")",
            AvroLogical.TimeMillis => time + "TimeFromMillis(" + raw + ")",
            AvroLogical.TimeMicros => time + "TimeFromMicros(" + raw + ")",
            AvroLogical.TimestampMillis => time + "TimestampFromMillis(" + raw + ")",
            AvroLogical.TimestampMicros => time + "TimestampFromMicros(" + raw + ")",
            AvroLogical.LocalTimestampMillis => time + "LocalTimestampFromMillis(" + raw + ")",
            AvroLogical.LocalTimestampMicros => time + "LocalTimestampFromMicros(" + raw + ")",
            _ => raw,
        };
    }

    private static string? Bytes(JsonNode value, AvroTypeModel type, string path, out string error)
    {
        error = string.Empty;
        var text = value.Kind == JsonKind.String ? value.Text! : null;
        if (text is null || text.Length > 0 && MaxChar(text) > 255)
        {
            error =
                "at "
                + path
                + " expected a string of code points 0-255 (one per byte), found "
                + JsonCompactWriter.Write(value);
            return null;
        }
        if (type.Kind == AvroKind.Fixed && text.Length != type.Size)
        {
            error =
                "at "
                + path
                + " expected "
                + type.Size.ToString(CultureInfo.InvariantCulture)
                + " bytes for the fixed "
                + type.Name
                + ", found "
                + text.Length.ToString(CultureInfo.InvariantCulture);
            return null;
        }
        var sb = new StringBuilder("new byte[] {");
        foreach (var c in text)
        {
            sb.Append(" 0x")
                .Append(((int)c).ToString("X2", CultureInfo.InvariantCulture))
                .Append(',');
        }
        var bytes = sb.Append(" }").ToString();
        const string runtime = AvroCSharpTypes.Runtime;
        var scale = type.Scale.ToString(CultureInfo.InvariantCulture);
        return type.Logical switch
        {
            AvroLogical.Decimal => AvroCSharpTypes.IsClrDecimal(type)
                ? runtime
                    + ".AvroDecimal.FromUnscaledBytes("
                    + bytes
                    + ", "
                    + scale
                    + ").ToDecimal()"
                : runtime + ".AvroDecimal.FromUnscaledBytes(" + bytes + ", " + scale + ")",
            AvroLogical.Duration => runtime + ".AvroDuration.FromBytes(" + bytes + ")",
            AvroLogical.Uuid => "new global::System.Guid(" + bytes + ", true)",
            _ => bytes,
        };
    }

    private static int MaxChar(string text)
    {
        var max = 0;
        foreach (var c in text)
        {
            max = Math.Max(max, c);
        }
        return max;
    }
}

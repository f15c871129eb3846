using System.Collections.Generic;
using KConnector.Generator.Avro;

namespace KConnector.Generator.Emit;

/// <summary>
/// The C# type of each Avro type (docs/avro.md has the table), and the names of generated union
/// types. A union gets a type nested in its record, named after where it stands: a field's
/// position is its property name, array items add "Item", map values add "Value".
/// </summary>
internal static class AvroCSharpTypes
{
    public const string Runtime = "global::KConnector.Avro";

    public static string Of(AvroTypeModel t, string position)
    {
        switch (t.Kind)
        {
            case AvroKind.Null:
                return "object?";
            case AvroKind.Boolean:
                return "bool";
            case AvroKind.Int:
                return t.Logical switch
                {
                    AvroLogical.Date => "global::System.DateOnly",
                    AvroLogical.TimeMillis => "global::System.TimeOnly",
                    _ => "int",
                };
            case AvroKind.Long:
                return t.Logical switch
                {
                    AvroLogical.TimeMicros => "global::System.TimeOnly",
                    AvroLogical.TimestampMillis or AvroLogical.TimestampMicros =>
                        "global::System.DateTimeOffset",
                    AvroLogical.LocalTimestampMillis or AvroLogical.LocalTimestampMicros =>
                        "global::System.DateTime",
                    _ => "long",
                };
            case AvroKind.Float:
                return "float";
            case AvroKind.Double:
                return "double";
            case AvroKind.String:
                return t.Logical == AvroLogical.Uuid ? "global::System.Guid" : "string";
            case AvroKind.Bytes:
            case AvroKind.Fixed:
                return t.Logical switch
                {
                    AvroLogical.Decimal => IsClrDecimal(t) ? "decimal" : Runtime + ".AvroDecimal",
                    AvroLogical.Duration => Runtime + ".AvroDuration",
                    AvroLogical.Uuid => "global::System.Guid",
                    _ => "byte[]",
                };
            case AvroKind.Record:
            case AvroKind.Enum:
                return t.CSharpName;
            case AvroKind.Array:
                return "global::System.Collections.Generic.IReadOnlyList<"
                    + Of(t.Items!, position + "Item")
                    + ">";
            case AvroKind.Map:
                return "global::System.Collections.Generic.IReadOnlyDictionary<string, "
                    + Of(t.Items!, position + "Value")
                    + ">";
            case AvroKind.Union:
                var nullable = t.NullableIndex;
                if (nullable >= 0)
                {
                    var inner = Of(t.Branches[1 - nullable], position);
                    return inner.EndsWith("?", System.StringComparison.Ordinal)
                        ? inner
                        : inner + "?";
                }
                return UnionName(position) + (t.NullBranch >= 0 ? "?" : string.Empty);
            default:
                return "object";
        }
    }

    /// <summary>C# decimal holds 28 significant digits: wider decimals use AvroDecimal.</summary>
    public static bool IsClrDecimal(AvroTypeModel t) => t.Precision <= MaxClrDecimalPrecision;

    /// <summary>The significant digits C# decimal holds.</summary>
    public const int MaxClrDecimalPrecision = 28;

    public static string UnionName(string position) => position + "Union";

    /// <summary>The names of the union types a field's type generates, nested ones included (as <see cref="Of"/> names them).</summary>
    public static IEnumerable<string> UnionNames(AvroTypeModel t, string position)
    {
        switch (t.Kind)
        {
            case AvroKind.Array:
                return UnionNames(t.Items!, position + "Item");
            case AvroKind.Map:
                return UnionNames(t.Items!, position + "Value");
            case AvroKind.Union when t.NullableIndex >= 0:
                return UnionNames(t.Branches[1 - t.NullableIndex], position);
            case AvroKind.Union:
                var names = new List<string> { UnionName(position) };
                var cases = CaseNames(t, position);
                for (var i = 0; i < cases.Length; i++)
                {
                    if (cases[i].Length > 0)
                    {
                        names.AddRange(UnionNames(t.Branches[i], CasePosition(position, cases[i])));
                    }
                }
                return names;
            default:
                return System.Array.Empty<string>();
        }
    }

    /// <summary>The position of what a union case holds: the union's position and the case name, unescaped.</summary>
    public static string CasePosition(string position, string caseName) =>
        position + CSharpIdentifier.Unescaped(caseName);

    /// <summary>
    /// The case names of a union's non-null branches, in branch order (null gets no case), as C#
    /// identifiers: never a member a case holds (<c>Value</c>, Equals, ...) nor the union's own
    /// name, which C# forbids a nested type to share (CS0542, CS8866).
    /// </summary>
    public static string[] CaseNames(AvroTypeModel union, string position)
    {
        var names = new string[union.Branches.Count];
        var used = new HashSet<string>(
            CSharpIdentifier.UnionCaseMembers,
            System.StringComparer.Ordinal
        )
        {
            UnionName(position),
        };
        for (var i = 0; i < names.Length; i++)
        {
            var b = union.Branches[i];
            if (b.Kind == AvroKind.Null)
            {
                names[i] = string.Empty;
                continue;
            }
            var name = b.IsNamed
                ? b.Name.Substring(b.Name.LastIndexOf('.') + 1)
                : b.Kind.ToString();
            var unique = CSharpIdentifier.Unclash(name, used);
            used.Add(unique);
            names[i] = CSharpIdentifier.Escape(unique);
        }
        return names;
    }

    /// <summary>True when the C# type is a value type (matters for `T?` and default checks).</summary>
    public static bool IsValueType(AvroTypeModel t) =>
        t.Kind switch
        {
            AvroKind.Boolean
            or AvroKind.Int
            or AvroKind.Long
            or AvroKind.Float
            or AvroKind.Double
            or AvroKind.Enum => true,
            AvroKind.String => t.Logical == AvroLogical.Uuid,
            AvroKind.Bytes or AvroKind.Fixed => t.Logical != AvroLogical.None,
            _ => false,
        };
}

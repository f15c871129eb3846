using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KConnector.Generator.Emit;

/// <summary>
/// The one place where a name from a schema (an Avro record, enum, symbol or namespace segment;
/// a JSON Schema title or namespace) becomes a C# identifier. Any valid Avro name must compile
/// (issue 20, item 4): keywords and contextual keywords are escaped with '@' (C# specification,
/// "Identifiers": a verbatim identifier is the name without the '@'), and a name equal to a
/// member the generated type must hold gets a number suffix, as duplicate union cases do.
/// </summary>
internal static class CSharpIdentifier
{
    /// <summary>Members every generated record has (its codecs, its schema constants, what C# records declare).</summary>
    public static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "AvroSchemaJson",
        "AvroCanonicalForm",
        "AvroFingerprint",
        "Encode",
        "Decode",
        "DecodeResolved",
        "WriteJson",
        "ReadJson",
        "EqualityContract",
        "Equals",
        "GetHashCode",
        "ToString",
        "Deconstruct",
        "PrintMembers",
        "GetType",
        "MemberwiseClone",
        "Finalize",
    };

    /// <summary>Members a union case holds besides the record ones: its positional <c>Value</c>.</summary>
    public static readonly HashSet<string> UnionCaseMembers = new(
        RecordMembers.Concat(new[] { "Value" }),
        StringComparer.Ordinal
    );

    /// <summary>
    /// Members of an enum: <c>value__</c> is the field the runtime stores an enum's value in
    /// (ECMA-335 II.14.3), so no member may take that name.
    /// </summary>
    private static readonly HashSet<string> ReservedEnumMembers = new(StringComparer.Ordinal)
    {
        "value__",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract",
        "as",
        "base",
        "bool",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "checked",
        "class",
        "const",
        "continue",
        "decimal",
        "default",
        "delegate",
        "do",
        "double",
        "else",
        "enum",
        "event",
        "explicit",
        "extern",
        "false",
        "finally",
        "fixed",
        "float",
        "for",
        "foreach",
        "goto",
        "if",
        "implicit",
        "in",
        "int",
        "interface",
        "internal",
        "is",
        "lock",
        "long",
        "namespace",
        "new",
        "null",
        "object",
        "operator",
        "out",
        "override",
        "params",
        "private",
        "protected",
        "public",
        "readonly",
        "ref",
        "return",
        "sbyte",
        "sealed",
        "short",
        "sizeof",
        "stackalloc",
        "static",
        "string",
        "struct",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "uint",
        "ulong",
        "unchecked",
        "unsafe",
        "ushort",
        "using",
        "virtual",
        "void",
        "volatile",
        "while",
        // Contextual keywords: some are errors as type names (record, var, dynamic, ...), others
        // change meaning in some positions (value, field, global). '@' is always allowed, so all
        // get it rather than a list of which position minds which word.
        "add",
        "allows",
        "alias",
        "and",
        "ascending",
        "args",
        "async",
        "await",
        "by",
        "descending",
        "dynamic",
        "equals",
        "extension",
        "field",
        "file",
        "from",
        "get",
        "global",
        "group",
        "init",
        "into",
        "join",
        "let",
        "managed",
        "nameof",
        "nint",
        "not",
        "notnull",
        "nuint",
        "on",
        "or",
        "orderby",
        "partial",
        "record",
        "remove",
        "required",
        "scoped",
        "select",
        "set",
        "unmanaged",
        "value",
        "var",
        "when",
        "where",
        "with",
        "yield",
    };

    /// <summary>True when <paramref name="name"/> needs '@' to be an identifier.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>A name as a C# identifier: keywords get '@'; a name already escaped is kept.</summary>
    public static string Escape(string name) => Keywords.Contains(name) ? "@" + name : name;

    /// <summary>A dotted namespace with each segment escaped (Avro namespace "event.int" is C# "@event.@int").</summary>
    public static string Namespace(string dotted) =>
        dotted.Length == 0 ? dotted : string.Join(".", dotted.Split('.').Select(Escape));

    /// <summary>The name without escapes, for file (hint) names and for names built from it.</summary>
    public static string Unescaped(string identifier) => identifier.Replace("@", string.Empty);

    /// <summary>
    /// Type names that change what other code in the namespace means: with a type named
    /// <c>var</c> or <c>dynamic</c> in scope, <c>var x = ...</c> declares that type (C#
    /// specification, "Implicitly typed local variables"), in generated and user code alike.
    /// </summary>
    private static readonly HashSet<string> ScopeChangingTypeNames = new(StringComparer.Ordinal)
    {
        "var",
        "dynamic",
    };

    private static readonly HashSet<string> ReservedRecordNames = new(
        RecordMembers.Concat(ScopeChangingTypeNames),
        StringComparer.Ordinal
    );

    /// <summary>The C# name of a generated record or enum (spec "Names": the simple name).</summary>
    public static string TypeName(string simpleName, bool isRecord) =>
        Escape(Unclash(simpleName, isRecord ? ReservedRecordNames : ScopeChangingTypeNames));

    /// <summary>
    /// The members of a C# enum for its Avro symbols, in order: not the enum's own name (a member
    /// may not share its type's name), not <c>value__</c>, each distinct.
    /// </summary>
    public static string[] EnumMembers(IReadOnlyList<string> symbols, string enumTypeName)
    {
        var taken = new HashSet<string>(symbols, StringComparer.Ordinal);
        var reserved = new HashSet<string>(ReservedEnumMembers, StringComparer.Ordinal)
        {
            Unescaped(enumTypeName),
        };
        var members = new string[symbols.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var symbol = symbols[i];
            if (reserved.Contains(symbol))
            {
                symbol = Unclash(symbol, taken);
                taken.Add(symbol);
            }
            members[i] = Escape(symbol);
        }
        return members;
    }

    /// <summary><paramref name="name"/>, or the first of name2, name3, ... not in <paramref name="taken"/>.</summary>
    public static string Unclash(string name, ICollection<string> taken)
    {
        var unique = name;
        for (var n = 2; taken.Contains(unique); n++)
        {
            unique = name + n.ToString(CultureInfo.InvariantCulture);
        }
        return unique;
    }
}

using System.Text.Json;

namespace KConnector.Json;

/// <summary>
/// A JSON payload that cannot be read into a type generated from a JSON Schema: a required
/// property is missing, a value has the wrong JSON kind or format, or the JSON is malformed.
/// <see cref="JsonException.Path"/> names the place, from the document root (<c>$</c>).
/// </summary>
/// <remarks>
/// Generated readers throw this with a path relative to the value they read; each enclosing
/// object or array catches it and prefixes its own segment. The happy path thus builds no path
/// strings at all: the path only exists once something failed.
/// </remarks>
public sealed class JsonSchemaReadException : JsonException
{
    /// <summary>Creates an exception for a failure at <paramref name="relativePath"/> (empty for the value itself).</summary>
    public JsonSchemaReadException(string detail, string relativePath, Exception? innerException)
        : base(
            detail + " (at $" + relativePath + ")",
            "$" + relativePath,
            null,
            null,
            innerException
        )
    {
        Detail = detail;
        RelativePath = relativePath;
    }

    /// <summary>Creates an exception for a failure of the value being read.</summary>
    public JsonSchemaReadException(string detail)
        : this(detail, string.Empty, null) { }

    /// <summary>Creates an exception with no detail.</summary>
    public JsonSchemaReadException()
        : this("the JSON value cannot be read") { }

    /// <summary>Creates an exception that wraps <paramref name="innerException"/>.</summary>
    public JsonSchemaReadException(string detail, Exception? innerException)
        : this(detail, string.Empty, innerException) { }

    /// <summary>What went wrong, without the path.</summary>
    public string Detail { get; }

    /// <summary>The path below the value whose reader threw (<see cref="JsonException.Path"/> without the leading <c>$</c>).</summary>
    public string RelativePath { get; }

    /// <summary>Whether generated readers translate <paramref name="exception"/> into a path-naming failure.</summary>
    public static bool IsReadFailure(Exception exception) =>
        exception
            is JsonException
                or FormatException
                or InvalidOperationException
                or OverflowException;

    /// <summary>The failure <paramref name="inner"/>, moved below the object member <paramref name="member"/>.</summary>
    public static JsonSchemaReadException AtMember(string member, Exception inner) =>
        At(MemberSegment(member), inner);

    /// <summary>The failure <paramref name="inner"/>, moved below the array item at <paramref name="index"/>.</summary>
    public static JsonSchemaReadException AtIndex(int index, Exception inner) =>
        At("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", inner);

    /// <summary>A required property of <paramref name="typeName"/> is absent from the object being read.</summary>
    public static JsonSchemaReadException MissingRequired(string typeName, string property) =>
        new($"{typeName}: the required property \"{property}\" is missing");

    /// <summary>An object whose schema says <c>"additionalProperties": false</c> has a member it does not declare.</summary>
    public static JsonSchemaReadException UnknownMember(string typeName, string member) =>
        new(
            $"{typeName}: the property \"{member}\" is not declared and the schema allows no additional properties"
        );

    /// <summary>The current token is not the kind of JSON value a type needs.</summary>
    public static JsonSchemaReadException Unexpected(string expected, JsonTokenType found) =>
        new($"expected {expected}, found {Describe(found)}");

    private static JsonSchemaReadException At(string segment, Exception inner) =>
        inner is JsonSchemaReadException read
            ? new JsonSchemaReadException(
                read.Detail,
                segment + read.RelativePath,
                read.InnerException
            )
            : new JsonSchemaReadException(inner.Message, segment, inner);

    private static string MemberSegment(string member)
    {
        foreach (var c in member)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return "['" + member.Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }
        return member.Length == 0 ? "['']" : "." + member;
    }

    private static string Describe(JsonTokenType token) =>
        token switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.None => "the end of the input",
            _ => token.ToString(),
        };
}

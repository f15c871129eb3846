namespace KConnector.Generator.JsonSchema;

/// <summary>
/// The C# type, read expression and write statement of a resolved <see cref="JsonTypeRef"/>.
/// Arrays and maps nest through static lambdas (cached by the compiler, so no allocation per
/// call); every name is written with global:: so that a nested union case never shadows a type.
/// </summary>
internal static class JsonTypeExpressions
{
    private const string Readers = "global::KConnector.Json.JsonValueReaders";
    private const string Writers = "global::KConnector.Json.JsonValueWriters";
    private const string Token = "global::System.Text.Json.JsonTokenType";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";

    public static string CSharpType(JsonTypeRef type)
    {
        var name = type.Kind switch
        {
            JsonTypeKind.String => "string",
            JsonTypeKind.Integer => "long",
            JsonTypeKind.Number => "double",
            JsonTypeKind.Boolean => "bool",
            JsonTypeKind.DateTime => "global::System.DateTimeOffset",
            JsonTypeKind.Date => "global::System.DateOnly",
            JsonTypeKind.Time => "global::System.TimeOnly",
            JsonTypeKind.Uuid => "global::System.Guid",
            JsonTypeKind.Uri or JsonTypeKind.UriReference => "global::System.Uri",
            JsonTypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<"
                + CSharpType(type.Element!)
                + ">",
            JsonTypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, "
                + CSharpType(type.Element!)
                + ">",
            JsonTypeKind.Record or JsonTypeKind.Enum or JsonTypeKind.Union => "global::"
                + type.Target,
            _ => "global::System.Text.Json.JsonElement",
        };
        return type.Nullable ? name + "?" : name;
    }

    /// <summary>An expression reading <paramref name="type"/> from the reader variable <paramref name="reader"/>.</summary>
    public static string Read(JsonTypeRef type, string reader, int depth)
    {
        var value = ReadValue(type, reader, depth);
        return type.Nullable
            ? $"({reader}.TokenType == {Token}.Null ? default({CSharpType(type)}) : {value})"
            : value;
    }

    private static string ReadValue(JsonTypeRef type, string reader, int depth)
    {
        var r = "ref " + reader;
        switch (type.Kind)
        {
            case JsonTypeKind.String:
                return $"{Readers}.String({r})";
            case JsonTypeKind.Integer:
                return $"{Readers}.Int64({r})";
            case JsonTypeKind.Number:
                return $"{Readers}.Double({r})";
            case JsonTypeKind.Boolean:
                return $"{Readers}.Boolean({r})";
            case JsonTypeKind.DateTime:
                return $"{Readers}.DateTime({r})";
            case JsonTypeKind.Date:
                return $"{Readers}.Date({r})";
            case JsonTypeKind.Time:
                return $"{Readers}.Time({r})";
            case JsonTypeKind.Uuid:
                return $"{Readers}.Uuid({r})";
            case JsonTypeKind.Uri:
                return $"{Readers}.Uri({r})";
            case JsonTypeKind.UriReference:
                return $"{Readers}.UriReference({r})";
            case JsonTypeKind.Record:
            case JsonTypeKind.Union:
                return $"global::{type.Target}.ReadJson({r})";
            case JsonTypeKind.Enum:
                return $"global::{type.Target}Json.Read({r})";
            case JsonTypeKind.Array:
            case JsonTypeKind.Map:
                var inner =
                    "__r" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var method = type.Kind == JsonTypeKind.Array ? "Array" : "Map";
                return $"{Readers}.{method}<{CSharpType(type.Element!)}>({r}, static (ref {Reader} {inner}) => {Read(type.Element!, inner, depth + 1)})";
            default:
                return $"{Readers}.Element({r})";
        }
    }

    /// <summary>A statement writing <paramref name="value"/> of <paramref name="type"/> to <paramref name="writer"/>.</summary>
    public static string Write(JsonTypeRef type, string writer, string value, int depth)
    {
        if (!type.Nullable)
        {
            return WriteValue(type, writer, value, depth);
        }
        // Pattern variables of an if condition live in the enclosing block: name them after the value.
        var local =
            "__"
            + new string(
                System.Linq.Enumerable.ToArray(
                    System.Linq.Enumerable.Where(value, char.IsLetterOrDigit)
                )
            )
            + "NonNull";
        return $"if ({value} is {{ }} {local}) {{ {WriteValue(type, writer, local, depth + 1)} }} else {{ {writer}.WriteNullValue(); }}";
    }

    private static string WriteValue(JsonTypeRef type, string writer, string value, int depth)
    {
        switch (type.Kind)
        {
            case JsonTypeKind.String:
            case JsonTypeKind.DateTime:
            case JsonTypeKind.Uuid:
                return $"{writer}.WriteStringValue({value});";
            case JsonTypeKind.Integer:
            case JsonTypeKind.Number:
                return $"{writer}.WriteNumberValue({value});";
            case JsonTypeKind.Boolean:
                return $"{writer}.WriteBooleanValue({value});";
            case JsonTypeKind.Date:
                return $"{Writers}.Date({writer}, {value});";
            case JsonTypeKind.Time:
                return $"{Writers}.Time({writer}, {value});";
            case JsonTypeKind.Uri:
            case JsonTypeKind.UriReference:
                return $"{Writers}.Uri({writer}, {value});";
            case JsonTypeKind.Record:
            case JsonTypeKind.Union:
                return $"global::{type.Target}.WriteJson({writer}, {value});";
            case JsonTypeKind.Enum:
                return $"global::{type.Target}Json.Write({writer}, {value});";
            case JsonTypeKind.Array:
            case JsonTypeKind.Map:
                var suffix = depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var method = type.Kind == JsonTypeKind.Array ? "Array" : "Map";
                return $"{Writers}.{method}<{CSharpType(type.Element!)}>({writer}, {value}, static (__w{suffix}, __x{suffix}) => {{ {Write(type.Element!, "__w" + suffix, "__x" + suffix, depth + 1)} }});";
            default:
                return $"{value}.WriteTo({writer});";
        }
    }

    /// <summary>The condition on the current token under which a union branch of <paramref name="type"/> is tried.</summary>
    public static string TokenCondition(JsonTypeRef type, string token) =>
        type.Kind switch
        {
            JsonTypeKind.String
            or JsonTypeKind.DateTime
            or JsonTypeKind.Date
            or JsonTypeKind.Time
            or JsonTypeKind.Uuid
            or JsonTypeKind.Uri
            or JsonTypeKind.UriReference
            or JsonTypeKind.Enum => $"{token} == {Token}.String",
            JsonTypeKind.Integer or JsonTypeKind.Number => $"{token} == {Token}.Number",
            JsonTypeKind.Boolean => $"{token} is {Token}.True or {Token}.False",
            JsonTypeKind.Array => $"{token} == {Token}.StartArray",
            JsonTypeKind.Record or JsonTypeKind.Map => $"{token} == {Token}.StartObject",
            _ => "true",
        };
}

namespace KConnector.Generator.JsonSchema;

/// <summary>What a schema position holds, as far as the C# type is concerned.</summary>
internal enum JsonTypeKind
{
    /// <summary>Any JSON value: System.Text.Json.JsonElement.</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
    DateTime,
    Date,
    Time,
    Uuid,
    Uri,
    UriReference,
    Array,

    /// <summary>An object without declared properties whose members all have one schema.</summary>
    Map,

    /// <summary>An unresolved $ref (parsing only; the resolver replaces it).</summary>
    Ref,
    Record,
    Enum,
    Union,
}

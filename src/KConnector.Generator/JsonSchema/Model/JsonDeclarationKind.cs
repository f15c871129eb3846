namespace KConnector.Generator.JsonSchema;

/// <summary>What a named schema (the root, a $defs entry, an inline object) becomes.</summary>
internal enum JsonDeclarationKind
{
    Record,
    Enum,
    Union,

    /// <summary>A $defs entry of a primitive, array or map: no type of its own; $refs to it use its type.</summary>
    Alias,
}

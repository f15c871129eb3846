using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.JsonSchema;

/// <summary>
/// A type to generate (or, for <see cref="JsonDeclarationKind.Alias"/>, a name $refs may use),
/// keyed by its file and JSON pointer. Value-equatable: an incremental pipeline model.
/// </summary>
internal sealed record JsonTypeDeclaration(
    string SourcePath,
    string Pointer,
    JsonDeclarationKind Kind,
    string Namespace,
    string Name,
    string Access,
    string? Doc,
    EquatableArray<JsonPropertyModel> Properties,
    AdditionalPropertiesMode Additional,
    JsonTypeRef? AdditionalType,
    EquatableArray<JsonEnumMemberModel> Members,
    EquatableArray<JsonUnionBranchModel> Branches,
    JsonTypeRef? AliasOf,
    string? SchemaText,
    LocationInfo Location,
    string JsonPath
)
{
    /// <summary>The documents <see cref="SchemaText"/> refers to, directly or through each other (set by the resolver).</summary>
    public EquatableArray<JsonSchemaReferenceModel> References { get; init; } =
        EquatableArray<JsonSchemaReferenceModel>.Empty;

    /// <summary>The C# full name as written in code: namespace segments that are keywords escaped.</summary>
    public string FullName =>
        Namespace.Length == 0 ? Name : Emit.CSharpIdentifier.Namespace(Namespace) + "." + Name;

    /// <summary>The resolver's key: the file and the pointer, as a $ref names them.</summary>
    public string Key => SourcePath + "#" + Pointer;
}

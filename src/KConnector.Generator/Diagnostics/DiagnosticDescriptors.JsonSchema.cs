using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>Diagnostics of *.schema.json files (KCN0100-KCN0199).</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor JsonSchemaInvalidJson = Error(
        "KCN0100",
        "JSON Schema file is not valid JSON",
        Where + "the file is not valid JSON: {3}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaUnknownType = Error(
        "KCN0101",
        "Unknown JSON Schema type",
        Where
            + "\"{3}\" is not a JSON Schema type; expected string, integer, number, boolean, object, array or null"
    );

    public static readonly DiagnosticDescriptor JsonSchemaUnresolvedRef = Error(
        "KCN0102",
        "Unresolvable $ref",
        Where + "the $ref \"{3}\" cannot be resolved: {4}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaRefCycle = Error(
        "KCN0103",
        "$ref cycle without a type",
        Where
            + "the $ref \"{3}\" leads back to itself through schemas that declare no object, enum or union, so it describes no value"
    );

    public static readonly DiagnosticDescriptor JsonSchemaMixedEnum = Error(
        "KCN0104",
        "Enum mixes string and non-string values",
        Where
            + "the enum mixes {3}; an enum becomes a C# enum only when all its values are strings (null allowed)"
    );

    public static readonly DiagnosticDescriptor JsonSchemaRequiredUnknownProperty = Error(
        "KCN0105",
        "required names an undeclared property",
        Where + "\"{3}\" is listed in \"required\" but is not one of the properties of {4}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaConflictingTypes = Error(
        "KCN0106",
        "Conflicting JSON Schema types",
        Where + "{3}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaUnsupported = Error(
        "KCN0107",
        "JSON Schema construct not supported",
        Where + "\"{3}\" is valid JSON Schema but cannot be turned into a C# type: {4}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaConstraintNotInType = Warning(
        "KCN0108",
        "JSON Schema keyword not reflected in the generated type",
        Where
            + "\"{3}\" is not reflected in the generated type ({4}); payloads are still checked against it by KConnector.JsonSchema.JsonSchemaValidator"
    );

    public static readonly DiagnosticDescriptor JsonSchemaDuplicateType = Error(
        "KCN0109",
        "Two JSON Schemas generate the same type",
        Where
            + "the type {3} is also generated from {4}; give one a different title or key, set KConnectorNamespace, or $ref the other's definition"
    );

    public static readonly DiagnosticDescriptor JsonSchemaWrongKeywordValue = Error(
        "KCN0110",
        "JSON Schema keyword has the wrong JSON type",
        Where + "the keyword \"{3}\" must be {4}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaNotASchema = Error(
        "KCN0111",
        "Not a JSON Schema",
        Where + "a schema must be a JSON object or a boolean, not {3}"
    );

    public static readonly DiagnosticDescriptor JsonSchemaValidatedByLibrary = Warning(
        "KCN0112",
        "JSON Schema keyword validated at run time by NJsonSchema",
        Where
            + "\"{3}\" is not compiled ({4}): payloads of this schema are validated at run time by NJsonSchema, which interprets the schema per record and is not trim- or AOT-safe"
    );

    public static readonly DiagnosticDescriptor JsonSchemaGeneratorFailure = Error(
        "KCN0199",
        "The KConnector generator failed on a JSON Schema",
        Where + "the generator failed unexpectedly ({3}); please report this with the file attached"
    );

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: "https://github.com/kconnector/kconnector/blob/main/docs/diagnostics.md#"
                + id.ToLowerInvariant()
        );
}

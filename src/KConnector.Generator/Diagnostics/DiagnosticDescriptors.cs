using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Messages start with the file, the line and the JSON
/// path, so that they read well in a build log as well as in an IDE.
/// Id ranges by area, one partial file each: KCN0001-KCN0099 Avro and shared,
/// KCN0100-KCN0199 JSON Schema, KCN0200-KCN0299 connector specs and attributes.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    internal const string Category = "KConnector";
    internal const string Where = "{0}, line {1}, at {2}: ";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "KCN0001",
        "Schema file is not valid JSON",
        Where + "the file is not valid JSON: {3}"
    );

    public static readonly DiagnosticDescriptor MissingAttribute = Error(
        "KCN0002",
        "Avro schema lacks a required attribute",
        Where + "an Avro {3} needs the attribute \"{4}\""
    );

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "KCN0003",
        "Unknown Avro type",
        Where
            + "\"{3}\" is neither an Avro primitive type nor a named type defined in any schema file of the project"
    );

    public static readonly DiagnosticDescriptor InvalidName = Error(
        "KCN0004",
        "Invalid Avro name",
        Where + "\"{3}\" is not a valid Avro name: it must match [A-Za-z_][A-Za-z0-9_]*"
    );

    public static readonly DiagnosticDescriptor DuplicateField = Error(
        "KCN0005",
        "Duplicate Avro field",
        Where + "the field \"{3}\" is declared more than once in record {4}"
    );

    public static readonly DiagnosticDescriptor UnsupportedType = Error(
        "KCN0006",
        "Avro construct not supported yet",
        Where
            + "{3} is valid Avro but this version of the generator cannot generate code for it yet"
    );

    public static readonly DiagnosticDescriptor TopLevelNotRecord = Error(
        "KCN0007",
        "Top-level Avro schema defines no named type",
        Where + "the file must define a record, an enum or a fixed to generate a type, not only {3}"
    );

    public static readonly DiagnosticDescriptor DuplicateGeneratedType = Error(
        "KCN0008",
        "Two schemas generate the same type",
        Where
            + "the type {3} is also generated from {4}; give one of them another name or namespace"
    );

    public static readonly DiagnosticDescriptor WrongAttributeType = Error(
        "KCN0009",
        "Avro attribute has the wrong JSON type",
        Where + "the attribute \"{3}\" must be {4}"
    );

    public static readonly DiagnosticDescriptor InvalidFileMetadata = Error(
        "KCN0010",
        "Invalid KConnector item metadata",
        Where + "the item metadata {3}=\"{4}\" is not valid; expected {5}"
    );

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "KCN0011",
        "Avro named type defined twice",
        Where + "the named type {3} is already defined differently in {4}"
    );

    public static readonly DiagnosticDescriptor InvalidDefault = Error(
        "KCN0012",
        "Avro field default does not match its type",
        Where + "the default of field \"{3}\" does not match its type: {4}"
    );

    public static readonly DiagnosticDescriptor InvalidLogicalType = new(
        "KCN0013",
        "Invalid Avro logical type ignored",
        Where + "the logical type \"{3}\" is ignored ({4}); the field keeps its underlying type",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/kconnector/kconnector/blob/main/docs/diagnostics.md#kcn0013"
    );

    public static readonly DiagnosticDescriptor InvalidEnum = Error(
        "KCN0014",
        "Invalid Avro enum",
        Where + "{3}"
    );

    public static readonly DiagnosticDescriptor InvalidFixedSize = Error(
        "KCN0015",
        "Invalid Avro fixed size",
        Where + "the size of a fixed must be a positive integer, not {3}"
    );

    public static readonly DiagnosticDescriptor InvalidUnion = Error(
        "KCN0016",
        "Invalid Avro union",
        Where + "{3}"
    );

    public static readonly DiagnosticDescriptor SchemaFileCopy = new(
        "KCN0017",
        "Avro schema file is a copy of another",
        Where
            + "this file is an identical copy of {4}; the type {3} is generated once, from {4}: delete the copy or set KConnectorGenerate=\"false\" on it",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/kconnector/kconnector/blob/main/docs/diagnostics.md#kcn0017"
    );

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "KCN0099",
        "The KConnector generator failed",
        Where + "the generator failed unexpectedly ({3}); please report this with the file attached"
    );

    internal static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(
            id,
            title,
            message,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: "https://github.com/kconnector/kconnector/blob/main/docs/diagnostics.md#"
                + id.ToLowerInvariant()
        );
}

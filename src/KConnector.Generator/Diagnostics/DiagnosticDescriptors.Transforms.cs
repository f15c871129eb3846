using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0260-KCN0279: single message transforms and predicates in connector specs.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor UnknownTransformType = Error(
        "KCN0260",
        "Unknown transformation or predicate type",
        Where + "\"{3}\" is not a known {4} (known: {5}).{6}"
    );

    public static readonly DiagnosticDescriptor UndefinedPredicate = Error(
        "KCN0261",
        "Transformation names an undefined predicate",
        Where + "the predicate \"{3}\" is not an alias of \"predicates\" ({4}).{5}"
    );

    public static readonly DiagnosticDescriptor UnknownTransformKey = Error(
        "KCN0262",
        "Unknown key of a transformation or predicate",
        Where + "\"{3}\" is not a key of {4} (its keys: {5}).{6}"
    );

    public static readonly DiagnosticDescriptor TransformRegexInvalid = Error(
        "KCN0263",
        "Regular expression does not compile",
        Where + "\"{3}\" is not a regular expression that compiles: {4}"
    );

    public static readonly DiagnosticDescriptor TransformAliasNotListed = Error(
        "KCN0264",
        "Key of an alias that is not listed",
        Where + "\"{3}\" configures the alias \"{4}\", which \"{5}\" does not list ({6}).{7}"
    );

    public static readonly DiagnosticDescriptor TransformMissingKey = Error(
        "KCN0265",
        "Transformation or predicate lacks a required key",
        Where + "the key \"{3}\" is required{4}"
    );

    public static readonly DiagnosticDescriptor NegateWithoutPredicate = Error(
        "KCN0266",
        "negate without a predicate",
        Where + "\"{3}\" is true but the transformation has no predicate to negate; give \"{4}\""
    );

    public static readonly DiagnosticDescriptor DuplicateTransformAlias = Error(
        "KCN0267",
        "Duplicate alias",
        Where + "\"{3}\" lists the alias \"{4}\" twice"
    );
}

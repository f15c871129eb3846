using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0271-KCN0274: transformation and predicate descriptors declared in the project being compiled.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor ProjectTransformCannotBeCreated = Error(
        "KCN0271",
        "Transformation or predicate descriptor has no Create the worker can call",
        Where
            + "the {3} {4} cannot be registered with the worker: {5}. Specs may name it, but no worker could create it"
    );

    public static readonly DiagnosticDescriptor ProjectTransformNameTaken = Error(
        "KCN0272",
        "Transformation or predicate name already taken",
        Where
            + "the {3} {4} answers to \"{5}\", which the {3} {6} already answers to, so a spec naming it would be ambiguous and the worker would refuse to register it: give it another class name or alias"
    );
}

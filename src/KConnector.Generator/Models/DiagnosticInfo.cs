using KConnector.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Models;

/// <summary>A diagnostic as plain data, turned into a <see cref="Diagnostic"/> only at the output.</summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    LocationInfo? Location,
    EquatableArray<string> Arguments
)
{
    public static DiagnosticInfo Create(
        DiagnosticDescriptor descriptor,
        LocationInfo? location,
        params string[] arguments
    ) => new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            Descriptor,
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            System.Linq.Enumerable.ToArray<object>(Arguments)
        );
}

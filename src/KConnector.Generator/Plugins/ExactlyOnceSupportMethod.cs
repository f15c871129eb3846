using System.Linq;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A source connector descriptor's declaration of its exactly-once support:
/// <c>public static ExactlyOnceSupport? ExactlyOnceSupport(IReadOnlyDictionary&lt;string, string?&gt; config)</c>
/// (Kafka Connect's <c>SourceConnector.exactlyOnceSupport</c>). The generated <c>Definition</c>
/// carries it as <c>ExactlyOnceSupport</c>, so the preflight check of
/// <c>exactly.once.support=required</c> asks it with no reflection.
/// </summary>
internal static class ExactlyOnceSupportMethod
{
    public const string Name = "ExactlyOnceSupport";

    public static bool IsDeclaredBy(INamedTypeSymbol descriptor) =>
        descriptor
            .GetMembers(Name)
            .OfType<IMethodSymbol>()
            .Any(m =>
                m.IsStatic
                && m.DeclaredAccessibility == Accessibility.Public
                && !m.ReturnsVoid
                && m.Parameters.Length == 1
            );
}

using System.Linq;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// How a descriptor declares a method the generated <c>Definition</c> carries: public, static, taking
/// the config alone (<c>IReadOnlyDictionary&lt;string, string?&gt;</c>), answering or not. The
/// parameter's type is checked where the call is emitted (the generated code would not compile).
/// </summary>
internal static class DescriptorConfigMethod
{
    public static bool IsDeclared(INamedTypeSymbol descriptor, string name, bool answers) =>
        descriptor
            .GetMembers(name)
            .OfType<IMethodSymbol>()
            .Any(m =>
                m.IsStatic
                && m.DeclaredAccessibility == Accessibility.Public
                && m.ReturnsVoid != answers
                && m.Parameters.Length == 1
            );
}

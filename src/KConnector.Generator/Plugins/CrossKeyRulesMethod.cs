using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A descriptor's rules across keys: <c>public static void ValidateAcrossKeys(IReadOnlyDictionary&lt;string, string?&gt;)</c>
/// (Kafka Connect's <c>Connector.validate</c> beyond the ConfigDef). The generated <c>Definition</c>s
/// (the descriptor's and a spec's config) carry it as <c>CrossKeyRules</c>, so <c>kconnector validate</c>
/// checks it with no reflection.
/// </summary>
internal static class CrossKeyRulesMethod
{
    public const string Name = "ValidateAcrossKeys";

    public static bool IsDeclaredBy(INamedTypeSymbol descriptor) =>
        DescriptorConfigMethod.IsDeclared(descriptor, Name, answers: false);
}

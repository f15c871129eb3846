using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Models;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A descriptor class of the project being compiled (a plugin's or a framework key set's), read by
/// <c>ForAttributeWithMetadataName</c>: what its generated <c>Definition</c> needs.
/// </summary>
/// <param name="DefinitionName">The name the definition is for: the plugin's class name, or the key set's Kafka Connect config name.</param>
/// <param name="DeclaresExactlyOnceSupport">Whether the descriptor declares <c>ExactlyOnceSupport</c> (a source's exactly-once support).</param>
/// <param name="DeclaresTransactionBoundaries">Whether the descriptor declares <c>CanDefineTransactionBoundaries</c> (a source's connector-defined transactions).</param>
/// <param name="Completable">Whether the class is static partial, so its Definition can be added (else the analyzer reports KCN0246).</param>
internal sealed record DescriptorClassModel(
    string Namespace,
    string TypeName,
    string DefinitionName,
    EquatableArray<ConfigKeyModel> Keys,
    bool Completable,
    bool ValidatesAcrossKeys = false,
    bool DeclaresExactlyOnceSupport = false,
    bool DeclaresTransactionBoundaries = false
)
{
    public string FullTypeName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;
}

using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// A <c>[TypedConfigKeys]</c> class of the runtime (ConnectorConfigBase, Sink/SourceConnectorConfigBase):
/// the keys of the framework key set it types. Value-equatable, so the step caches.
/// </summary>
/// <param name="Keys">The key set's keys, in attribute order.</param>
/// <param name="ExtendsTypedClass">Whether its base class is a <c>[TypedConfigKeys]</c> class too: the constructor passes the values on and <c>AppendValues</c> adds to the base's lines; else it is the root, which holds <c>Parsed</c>.</param>
internal sealed record TypedConfigClassModel(
    string Namespace,
    string TypeName,
    EquatableArray<ConfigKeyModel> Keys,
    bool ExtendsTypedClass
)
{
    public string FullTypeName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;
}

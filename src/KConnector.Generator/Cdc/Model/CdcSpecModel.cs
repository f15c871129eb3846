using KConnector.Generator.Helpers;

namespace KConnector.Generator.Cdc;

/// <summary>What is emitted for one spec that declares its tables' value schemas: the &lt;Spec&gt;Tables class.</summary>
internal sealed record CdcSpecModel(
    string Namespace,
    string TypeName,
    string Access,
    string ConnectorName,
    EquatableArray<CdcTableModel> Tables
)
{
    public string FullTypeName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;
}

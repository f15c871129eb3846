using KConnector.Generator.Helpers;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// A connector's options record marked <c>[TypedConfigKeys(typeof(Descriptor))]</c>: its keys and
/// how each is typed. Value-equatable, so the step caches.
/// </summary>
/// <param name="Properties">The key set's keys, in attribute order, each with its property.</param>
/// <param name="IsSealed">Whether the record is sealed (its reading constructor is then private, else protected).</param>
internal sealed record TypedOptionsModel(
    string Namespace,
    string TypeName,
    EquatableArray<OptionsPropertyModel> Properties,
    bool IsSealed
)
{
    public string FullTypeName => Namespace.Length == 0 ? TypeName : Namespace + "." + TypeName;
}

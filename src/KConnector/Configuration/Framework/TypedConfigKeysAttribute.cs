namespace KConnector.Configuration.Framework;

/// <summary>
/// Makes an <c>abstract partial class</c> of the runtime a typed view of a framework key set: the
/// generator writes a property per <c>[ConfigKey]</c> of <see cref="KeySet"/> (named, typed and
/// documented from the attribute), the constructor that reads them from a <see cref="ParsedConfig"/>,
/// and the <c>key=value</c> lines of <c>ToString</c>. The generated <c>{Name}Config</c> classes
/// extend these classes, so a framework key is typed once, in the runtime, from its one definition.
/// </summary>
/// <param name="keySet">The <c>[ConfigKeySet]</c> class whose keys the class types.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TypedConfigKeysAttribute(Type keySet) : Attribute
{
    /// <summary>The <c>[ConfigKeySet]</c> class whose keys the class types.</summary>
    public Type KeySet { get; } = keySet;
}

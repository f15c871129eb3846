namespace KConnector.Configuration.Framework;

/// <summary>
/// Types a class's config keys from their one definition, the <c>[ConfigKey]</c> attributes of
/// <see cref="KeySet"/> (a <c>[ConfigKeySet]</c> class or a plugin descriptor): the generator writes
/// each key's property, named, typed and documented from its attribute, so a key's name, type,
/// default and doc are stated once.
/// <list type="bullet">
/// <item>On an <c>abstract partial class</c> (the runtime's framework bases, which each generated
/// <c>{Name}Config</c> extends): a get-only property per key, the protected constructor that reads
/// them from a <see cref="ParsedConfig"/>, and the <c>key=value</c> lines of <c>ToString</c>.</item>
/// <item>On a <c>partial record</c> (a connector's options): an <c>init</c> property per key the
/// record does not type by hand, a parameterless constructor giving every typed key its
/// definition's default, and a private constructor <c>(ParsedConfig)</c> reading them from
/// validated values. A property declared by hand types its key itself when named after it
/// (<c>batch.size</c>: <c>BatchSize</c>) or marked <see cref="ConfigKeyPropertyAttribute"/>; the
/// generator still gives it its default and reads it when its type is the key's own, an enum of
/// the key's allowed values, or a <see cref="TimeSpan"/> of a millisecond key.</item>
/// </list>
/// </summary>
/// <param name="keySet">The class whose <c>[ConfigKey]</c> attributes the class types.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TypedConfigKeysAttribute(Type keySet) : Attribute
{
    /// <summary>The class whose <c>[ConfigKey]</c> attributes the class types.</summary>
    public Type KeySet { get; } = keySet;
}

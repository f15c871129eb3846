namespace KConnector.Configuration.Framework;

/// <summary>
/// Marks a hand-written property of a <c>[TypedConfigKeys]</c> options record as the one that
/// types a key (a name of its own, such as <c>PrimaryKeyMode</c> for <c>pk.mode</c>) or a whole
/// key set (settings built from several keys, such as a connection): the generator writes no
/// property for those keys. See <see cref="TypedConfigKeysAttribute"/> for which hand-typed
/// properties still get their default and value from the generated constructors.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ConfigKeyPropertyAttribute : Attribute
{
    /// <summary>The property types the key <paramref name="key"/>.</summary>
    /// <param name="key">The key, e.g. <c>pk.mode</c>.</param>
    public ConfigKeyPropertyAttribute(string key) => Key = key;

    /// <summary>The property holds the keys of <paramref name="keySet"/>, a <c>[ConfigKeySet]</c> class.</summary>
    /// <param name="keySet">The key set.</param>
    public ConfigKeyPropertyAttribute(Type keySet) => KeySet = keySet;

    /// <summary>The key the property types, or null when it holds a key set.</summary>
    public string? Key { get; }

    /// <summary>The key set the property holds, or null when it types one key.</summary>
    public Type? KeySet { get; }
}

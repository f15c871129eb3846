namespace KConnector.Configuration;

/// <summary>
/// Building one definition from others, as Kafka Connect composes its <c>ConfigDef</c>s
/// (<c>SinkConnectorConfig.configDef()</c> defines its keys on a copy of <c>ConnectorConfig</c>'s, and
/// a connector's own <c>config()</c> joins them): each key stays defined once, where it belongs, and a
/// generated connector's definition is the framework's plus the plugin's, not a copy of either.
/// </summary>
public sealed partial class ConfigDefinition
{
    /// <summary>
    /// This definition with <paramref name="keys"/> added after its own, in order. A key whose name
    /// this definition already has is left out: the definition being extended (the framework's)
    /// keeps its meaning, so a connector that also reads a framework key (<c>errors.tolerance</c>)
    /// reads the value validated by the framework's definition.
    /// </summary>
    public ConfigDefinition Extend(IEnumerable<ConfigKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var added = keys.Where(k => !_byName.ContainsKey(k.Name))
            .DistinctBy(k => k.Name, StringComparer.Ordinal);
        return new ConfigDefinition(ConnectorClass, Keys.Concat(added))
        {
            CrossKeyRules = CrossKeyRules,
            ExactlyOnceSupport = ExactlyOnceSupport,
            CanDefineTransactionBoundaries = CanDefineTransactionBoundaries,
        };
    }

    /// <summary>
    /// This definition joined with a plugin's: <paramref name="plugin"/>'s keys added as
    /// <see cref="Extend(IEnumerable{ConfigKey})"/> adds them, and its rules across keys kept beside
    /// this definition's, so that validating the joined definition applies the plugin's rules too.
    /// </summary>
    public ConfigDefinition Extend(ConfigDefinition plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var joined = Extend(plugin.Keys);
        return new ConfigDefinition(ConnectorClass, joined.Keys)
        {
            CrossKeyRules = CrossKeyRules + plugin.CrossKeyRules,
            // The framework's definition declares nothing: the plugin's declaration is the connector's.
            ExactlyOnceSupport = plugin.ExactlyOnceSupport ?? ExactlyOnceSupport,
            CanDefineTransactionBoundaries =
                plugin.CanDefineTransactionBoundaries ?? CanDefineTransactionBoundaries,
        };
    }

    /// <summary>
    /// This definition with the key named <paramref name="name"/> replaced by what
    /// <paramref name="change"/> makes of it, in the same place (a connector's own default converter,
    /// the converters its compiled types allow). The name stays: renaming a key is refused.
    /// </summary>
    /// <exception cref="ArgumentException">No key is named <paramref name="name"/>, or the change renames it.</exception>
    public ConfigDefinition Override(string name, Func<ConfigKey, ConfigKey> change)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(change);
        if (!_byName.TryGetValue(name, out var key))
        {
            throw new ArgumentException(
                $"The definition of {ConnectorClass} has no key '{name}' to override.",
                nameof(name)
            );
        }
        var changed = change(key);
        if (!string.Equals(changed.Name, name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"An override of '{name}' may not rename it (to '{changed.Name}').",
                nameof(change)
            );
        }
        return new ConfigDefinition(ConnectorClass, Keys.Select(k => k.Name == name ? changed : k))
        {
            CrossKeyRules = CrossKeyRules,
            ExactlyOnceSupport = ExactlyOnceSupport,
            CanDefineTransactionBoundaries = CanDefineTransactionBoundaries,
        };
    }

    /// <summary>The same keys, as the definition of the connector class <paramref name="connectorClass"/>.</summary>
    public ConfigDefinition ForClass(string connectorClass)
    {
        ArgumentNullException.ThrowIfNull(connectorClass);
        return new ConfigDefinition(connectorClass, Keys)
        {
            CrossKeyRules = CrossKeyRules,
            ExactlyOnceSupport = ExactlyOnceSupport,
            CanDefineTransactionBoundaries = CanDefineTransactionBoundaries,
        };
    }
}

namespace KConnector.Connectors.Configuration;

/// <summary>
/// Picks a connector's own properties out of a worker's whole config (common keys, converter keys,
/// client overrides and the connector's keys side by side, as in a Kafka Connect connector config),
/// so that a connector's <c>Parse</c> sees only the keys it describes.
/// </summary>
public static class ConnectorProperties
{
    /// <summary>
    /// The values of <paramref name="all"/> whose keys are among <paramref name="keys"/>; null values
    /// are left out (the key's default applies).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Own(
        IReadOnlyDictionary<string, string?> all,
        IReadOnlyList<ConfigKey> keys
    )
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(keys);
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (all.TryGetValue(key.Name, out var value) && value is not null)
            {
                own[key.Name] = value;
            }
        }
        return own;
    }
}

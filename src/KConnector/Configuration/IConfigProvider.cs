namespace KConnector.Configuration;

/// <summary>
/// Supplies config values from outside the spec, as Kafka's <c>ConfigProvider</c>: a reference
/// <c>${name:path:key}</c> in a config value is replaced by <see cref="Get"/>(path, key) of the
/// provider registered under <c>name</c>.
/// </summary>
public interface IConfigProvider
{
    /// <summary>
    /// Returns the value of <paramref name="key"/> at <paramref name="path"/> (null or empty when the
    /// reference has no path, as in <c>${env:NAME}</c>), or throws a <see cref="ConfigProviderException"/>
    /// whose message names what is missing and never a value.
    /// </summary>
    string Get(string? path, string key);
}

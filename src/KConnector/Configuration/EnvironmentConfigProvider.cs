namespace KConnector.Configuration;

/// <summary>
/// <c>${env:NAME}</c>: the environment variable NAME, as Kafka's <c>EnvVarConfigProvider</c>
/// (KIP-887). An unset variable is an error rather than an empty value, so a typo cannot turn a
/// password into "".
/// </summary>
public sealed class EnvironmentConfigProvider : IConfigProvider
{
    /// <inheritdoc />
    public string Get(string? path, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Environment.GetEnvironmentVariable(key)
            ?? throw new ConfigProviderException($"the environment variable {key} is not set");
    }
}

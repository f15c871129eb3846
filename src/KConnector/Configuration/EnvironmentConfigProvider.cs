using System.Text.RegularExpressions;

namespace KConnector.Configuration;

/// <summary>
/// <c>${env:NAME}</c>: the environment variable NAME, as Kafka's <c>EnvVarConfigProvider</c>
/// (KIP-887). An unset variable is an error rather than an empty value, so a typo cannot turn a
/// password into "". With <c>allowlist.pattern</c> only variables whose whole name matches are read;
/// a reference with a path (<c>${env:path:NAME}</c>) is refused, as Kafka refuses it.
/// </summary>
public sealed class EnvironmentConfigProvider : IConfigProvider
{
    private readonly Regex? _allowlist;

    /// <summary>Creates a provider that reads every environment variable.</summary>
    public EnvironmentConfigProvider()
        : this(allowlistPattern: null) { }

    /// <summary>
    /// Creates a provider that reads only the variables whose whole name matches
    /// <paramref name="allowlistPattern"/> (a .NET regular expression; null or empty: every variable).
    /// </summary>
    /// <exception cref="ConfigProviderException">The pattern is not a valid regular expression.</exception>
    public EnvironmentConfigProvider(string? allowlistPattern)
    {
        if (string.IsNullOrEmpty(allowlistPattern))
        {
            return;
        }
        try
        {
            // Java's Matcher.matches(): the whole name.
            _allowlist = new Regex(
                $"^(?:{allowlistPattern})$",
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1)
            );
        }
        catch (ArgumentException e)
        {
            throw new ConfigProviderException(
                $"allowlist.pattern is not a valid regular expression: {e.Message}",
                e
            );
        }
    }

    /// <inheritdoc />
    public string Get(string? path, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!string.IsNullOrEmpty(path))
        {
            throw new ConfigProviderException(
                $"a path is not supported by the environment provider: write ${{env:{key}}}"
            );
        }
        if (_allowlist is not null && !_allowlist.IsMatch(key))
        {
            throw new ConfigProviderException(
                $"the environment variable {key} does not match allowlist.pattern"
            );
        }
        return Environment.GetEnvironmentVariable(key)
            ?? throw new ConfigProviderException($"the environment variable {key} is not set");
    }
}

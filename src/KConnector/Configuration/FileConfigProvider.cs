namespace KConnector.Configuration;

/// <summary>
/// <c>${file:path:key}</c>: the value of <c>key</c> in the Java properties file at <c>path</c>,
/// as Kafka's <c>FileConfigProvider</c>. A relative path is taken from <see cref="BaseDirectory"/>.
/// Files are read on each resolution (once at connector start), so a rotated secret is picked up
/// by a restart.
/// </summary>
public sealed class FileConfigProvider : IConfigProvider
{
    /// <summary>Creates a provider resolving relative paths from <paramref name="baseDirectory"/> (the current directory when null).</summary>
    public FileConfigProvider(string? baseDirectory = null)
    {
        BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Where relative paths start.</summary>
    public string BaseDirectory { get; }

    /// <inheritdoc />
    public string Get(string? path, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(path))
        {
            throw new ConfigProviderException(
                $"a file reference needs a path: ${{file:path/to/file.properties:{key}}}"
            );
        }
        var full = Path.GetFullPath(path, BaseDirectory);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The exception's own message names the file, never its content.
            throw new ConfigProviderException($"cannot read {full}: {e.Message}", e);
        }
        return PropertiesFile.Parse(text).TryGetValue(key, out var value)
            ? value
            : throw new ConfigProviderException($"the file {full} has no key '{key}'");
    }
}

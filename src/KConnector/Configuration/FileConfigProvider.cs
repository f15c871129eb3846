using KConnector.Configuration.Providers;

namespace KConnector.Configuration;

/// <summary>
/// <c>${file:path:key}</c>: the value of <c>key</c> in the Java properties file at <c>path</c>,
/// as Kafka's <c>FileConfigProvider</c>. A relative path is taken from <see cref="BaseDirectory"/>.
/// Files are read on each resolution (once at connector start), so a rotated secret is picked up
/// by a restart. With <c>allowed.paths</c> (KIP-993) only files at or under those paths are read.
/// </summary>
public sealed class FileConfigProvider : IConfigProvider
{
    private readonly PathAllowlist _allowed;

    /// <summary>Creates a provider resolving relative paths from <paramref name="baseDirectory"/> (the current directory when null).</summary>
    public FileConfigProvider(string? baseDirectory = null)
        : this(baseDirectory, allowedPaths: null) { }

    /// <summary>
    /// Creates a provider that reads only files at or under <paramref name="allowedPaths"/>
    /// (absolute paths; null or empty: any file), relative paths taken from
    /// <paramref name="baseDirectory"/>.
    /// </summary>
    /// <exception cref="ConfigProviderException">An allowed path is not absolute.</exception>
    public FileConfigProvider(string? baseDirectory, IReadOnlyList<string>? allowedPaths)
    {
        BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
        _allowed = PathAllowlist.Parse(allowedPaths);
    }

    /// <summary>Where relative paths start.</summary>
    public string BaseDirectory { get; }

    /// <summary>The paths files may be read from (<c>allowed.paths</c>); empty: any.</summary>
    public IReadOnlyList<string> AllowedPaths => _allowed.Roots;

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
        var full = _allowed.Check(path, BaseDirectory);
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

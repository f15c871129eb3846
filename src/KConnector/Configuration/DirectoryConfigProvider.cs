using KConnector.Configuration.Providers;

namespace KConnector.Configuration;

/// <summary>
/// <c>${dir:/path/to/dir:name}</c>: the content of the regular file <c>name</c> in the directory
/// <c>/path/to/dir</c>, as Kafka's <c>DirectoryConfigProvider</c> (KIP-632) reads the files a
/// Kubernetes secret or a Docker secret is mounted as. The content is taken whole (UTF-8, a trailing
/// newline included, as Kafka takes it); only files directly in the directory are read, so
/// <c>name</c> cannot climb out of it. With <c>allowed.paths</c> (KIP-993) only directories at or
/// under those paths are read.
/// </summary>
public sealed class DirectoryConfigProvider : IConfigProvider
{
    private readonly PathAllowlist _allowed;

    /// <summary>
    /// Creates a provider that reads only directories at or under <paramref name="allowedPaths"/>
    /// (absolute paths; null or empty: any), relative paths taken from
    /// <paramref name="baseDirectory"/> (the current directory when null).
    /// </summary>
    /// <exception cref="ConfigProviderException">An allowed path is not absolute.</exception>
    public DirectoryConfigProvider(
        string? baseDirectory = null,
        IReadOnlyList<string>? allowedPaths = null
    )
    {
        BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
        _allowed = PathAllowlist.Parse(allowedPaths);
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
                $"a directory reference needs a path: ${{dir:/path/to/directory:{key}}}"
            );
        }
        var directory = _allowed.Check(path, BaseDirectory);
        // A name with a separator ("../x", "sub/x") is not a file of the directory.
        if (
            key.Length == 0
            || key.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0
            || key is "." or ".."
        )
        {
            throw new ConfigProviderException(
                $"'{key}' is not the name of a file in the directory {directory}"
            );
        }
        var file = Path.Combine(directory, key);
        if (!File.Exists(file))
        {
            throw new ConfigProviderException($"the directory {directory} has no file '{key}'");
        }
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigProviderException($"cannot read {file}: {e.Message}", e);
        }
    }
}

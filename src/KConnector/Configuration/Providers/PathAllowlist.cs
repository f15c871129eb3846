namespace KConnector.Configuration.Providers;

/// <summary>
/// The <c>allowed.paths</c> of Kafka's <c>FileConfigProvider</c> and <c>DirectoryConfigProvider</c>
/// (KIP-993, Kafka's <c>AllowedPaths</c>): a comma-separated list of absolute paths; a reference may
/// read a path only at or under one of them. Empty: every path is allowed. The path a reference
/// gives is normalised first, so <c>/allowed/../etc/passwd</c> is not under <c>/allowed</c>.
/// </summary>
internal sealed class PathAllowlist
{
    private readonly IReadOnlyList<string> _roots;

    private PathAllowlist(IReadOnlyList<string> roots) => _roots = roots;

    /// <summary>Every path allowed.</summary>
    public static PathAllowlist Any { get; } = new([]);

    /// <summary>The roots given, as the <c>allowed.paths</c> list.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>
    /// The list <paramref name="paths"/> gives; a path that is not absolute is refused, as Kafka
    /// refuses it (a relative root would depend on the worker's working directory).
    /// </summary>
    /// <exception cref="ConfigProviderException">A path is not absolute.</exception>
    public static PathAllowlist Parse(IReadOnlyList<string>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            return Any;
        }
        var roots = new List<string>();
        foreach (var path in paths.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (!Path.IsPathFullyQualified(path))
            {
                throw new ConfigProviderException(
                    $"the path {path} in allowed.paths is not absolute"
                );
            }
            roots.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        }
        return new PathAllowlist(roots);
    }

    /// <summary>
    /// <paramref name="path"/> made absolute from <paramref name="baseDirectory"/> and normalised,
    /// or a <see cref="ConfigProviderException"/> when it lies outside every allowed root.
    /// </summary>
    public string Check(string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path, baseDirectory);
        if (_roots.Count == 0 || _roots.Any(root => IsAtOrUnder(full, root)))
        {
            return full;
        }
        throw new ConfigProviderException(
            $"the path {full} is not in allowed.paths ({string.Join(",", _roots)})"
        );
    }

    private static bool IsAtOrUnder(string full, string root) =>
        string.Equals(full, root, StringComparison.Ordinal)
        || full.StartsWith(
            root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar,
            StringComparison.Ordinal
        );
}

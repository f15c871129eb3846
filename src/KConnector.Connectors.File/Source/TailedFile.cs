namespace KConnector.Connectors.File.Source;

/// <summary>
/// One file being tailed: its identity (a fingerprint of its first line(s), which survives a
/// rename), its current path (null once rotated away), its open handle and the byte position after
/// the last line returned.
/// </summary>
internal sealed class TailedFile : IDisposable
{
    public TailedFile(
        string fingerprint,
        string path,
        FileStream stream,
        long position,
        IReadOnlyList<string>? header
    )
    {
        Fingerprint = fingerprint;
        Path = path;
        Stream = stream;
        Position = position;
        Header = header;
        Partition = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fingerprint"] = fingerprint,
        };
    }

    public string Fingerprint { get; }

    public string? Path { get; set; }

    public FileStream Stream { get; }

    public long Position { get; set; }

    public IReadOnlyList<string>? Header { get; }

    public IReadOnlyDictionary<string, string> Partition { get; }

    public void Dispose() => Stream.Dispose();
}

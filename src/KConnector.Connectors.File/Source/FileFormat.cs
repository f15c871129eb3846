namespace KConnector.Connectors.File.Source;

/// <summary><c>format</c>: how the file source reads a line.</summary>
public enum FileFormat
{
    /// <summary>One JSON object per line (JSON Lines).</summary>
    Json,

    /// <summary>Comma-separated values (RFC 4180 quoting; one record per line).</summary>
    Csv,
}

namespace KConnector.Configuration;

/// <summary>
/// A connector's config is invalid. The message lists every issue at once, one per line, each
/// naming its key, so that one run shows everything to fix. Secret values never appear in it.
/// </summary>
public sealed class ConfigValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="connector"/> with its issues.</summary>
    public ConfigValidationException(string connector, IReadOnlyList<ConfigIssue> issues)
        : base(Describe(connector, issues))
    {
        Connector = connector;
        Issues = issues;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConfigValidationException(string message)
        : base(message)
    {
        Connector = string.Empty;
        Issues = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConfigValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Connector = string.Empty;
        Issues = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public ConfigValidationException()
        : this("The connector config is invalid.") { }

    /// <summary>The connector whose config is invalid.</summary>
    public string Connector { get; }

    /// <summary>Every issue found.</summary>
    public IReadOnlyList<ConfigIssue> Issues { get; }

    private static string Describe(string connector, IReadOnlyList<ConfigIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var noun = issues.Count == 1 ? "issue" : "issues";
        return $"The config of connector '{connector}' has {issues.Count} {noun}:"
            + string.Concat(issues.Select(i => "\n  " + i));
    }
}

namespace KConnector.Cli.Running;

/// <summary>What <c>kconnector run</c> was asked to do.</summary>
internal sealed record RunRequest(
    FileInfo[] Specs,
    string[] Overrides,
    long? MaxRecords,
    TimeSpan? Duration,
    TimeSpan ProgressInterval,
    bool Verbose
);

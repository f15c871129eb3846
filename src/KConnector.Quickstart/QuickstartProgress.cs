namespace KConnector.Quickstart;

/// <summary>Where the quickstart's pipeline is: lines in the file, read, written to the table, dead-lettered.</summary>
/// <param name="Lines">Non-empty lines in the orders file.</param>
/// <param name="Read">Lines the file source has read (records polled, malformed ones included).</param>
/// <param name="Written">Orders the SQLite sink has written and committed.</param>
/// <param name="DeadLettered">Malformed lines sent to the dead-letter queue.</param>
/// <param name="Elapsed">Time since the connectors started.</param>
public sealed record QuickstartProgress(
    long Lines,
    long Read,
    long Written,
    long DeadLettered,
    TimeSpan Elapsed
)
{
    /// <summary>Every line read and either written or dead-lettered.</summary>
    public bool Done => Read >= Lines && Written + DeadLettered >= Lines;
}

namespace KConnector.Connectors.Errors;

/// <summary>
/// Thrown by a sink's put when some records were rejected one by one (an HTTP 4xx, a bulk item
/// error) while the others were written. <see cref="Failed"/> names exactly which, so a worker can
/// send those to the dead-letter queue and commit the rest; until the worker's put contract
/// returns per-record results, this exception is how a sink reports them. Every record of the
/// batch that is not in <see cref="Failed"/> was written.
/// </summary>
public sealed class SinkRecordsFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="failed"/> records out of <paramref name="attempted"/>.</summary>
    public SinkRecordsFailedException(
        string sink,
        IReadOnlyList<FailedRecord> failed,
        int attempted
    )
        : base(
            $"{sink}: {failed?.Count} of {attempted} records failed; first: {(failed is { Count: > 0 } ? $"{failed[0].Topic}-{failed[0].Partition}@{failed[0].Offset}: {failed[0].Reason}" : "none")}"
        )
    {
        Failed = failed ?? [];
        Attempted = attempted;
    }

    /// <summary>Creates the exception with a message.</summary>
    public SinkRecordsFailedException(string message)
        : base(message)
    {
        Failed = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SinkRecordsFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failed = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public SinkRecordsFailedException()
    {
        Failed = [];
    }

    /// <summary>The records that failed, in batch order.</summary>
    public IReadOnlyList<FailedRecord> Failed { get; }

    /// <summary>How many records the put attempted.</summary>
    public int Attempted { get; }
}

namespace KConnector.Hosting;

/// <summary>
/// A request about a connector or task another worker of a distributed group runs (Kafka
/// Connect's <c>NotAssignedException</c>), e.g. restarting one task: only its owner can.
/// </summary>
public sealed class NotAssignedException : RequestTargetException
{
    /// <summary>Creates the exception naming the owner's REST URL, or null while nobody runs it.</summary>
    public NotAssignedException(string message, string? ownerUrl)
        : base(message, ownerUrl) { }

    /// <summary>Creates the exception without an owner.</summary>
    public NotAssignedException()
        : this("Another worker runs this connector or task", (string?)null) { }

    /// <summary>Creates the exception without an owner.</summary>
    public NotAssignedException(string message)
        : this(message, (string?)null) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NotAssignedException(string message, Exception innerException)
        : base(message, innerException) { }
}

namespace KConnector.Errors;

/// <summary>
/// A system the task depends on (the Schema Registry, Kafka) could not be reached, timed out or
/// answered that it is unavailable: the record is not at fault. The worker never reports such a
/// failure as a record error (no dead-letter queue, no skipped offset, whatever
/// <c>errors.tolerance</c> says): it keeps the record, backs off (<c>errors.retry.delay.max.ms</c>
/// caps the wait) and tries it again until the dependency answers or the task is stopped, saying
/// what it waits for in the log and in the task's status (issue 20, item 2). Kafka Connect treats
/// these as ordinary failures of the record once <c>errors.retry.timeout</c> has passed; KConnector
/// does not, because under <c>errors.tolerance=all</c> that loses good records.
/// </summary>
public class DependencyUnavailableException : RetriableException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dependency">What is unavailable, for people: "the Schema Registry", "Kafka at host:9092".</param>
    /// <param name="message">What happened (no credentials: URLs through <see cref="Configuration.UrlRedaction"/>).</param>
    /// <param name="innerException">The failure seen.</param>
    public DependencyUnavailableException(
        string dependency,
        string message,
        Exception? innerException = null
    )
        : base(message, innerException!)
    {
        Dependency = dependency;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DependencyUnavailableException(string message)
        : base(message)
    {
        Dependency = "a dependency";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Dependency = "a dependency";
    }

    /// <summary>Creates the exception without details.</summary>
    public DependencyUnavailableException()
    {
        Dependency = "a dependency";
    }

    /// <summary>What is unavailable, for people: "the Schema Registry", "Kafka at host:9092".</summary>
    public string Dependency { get; }

    /// <summary>
    /// <paramref name="error"/> or the first of its causes that is a
    /// <see cref="DependencyUnavailableException"/> (a converter may wrap it); null when none is.
    /// </summary>
    public static DependencyUnavailableException? Find(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DependencyUnavailableException unavailable)
            {
                return unavailable;
            }
        }
        return null;
    }
}

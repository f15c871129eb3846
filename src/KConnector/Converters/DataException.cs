namespace KConnector.Converters;

/// <summary>
/// A record a converter cannot convert (Kafka Connect's <c>org.apache.kafka.connect.errors.DataException</c>):
/// bytes not in the expected wire format, an unknown schema id, a value its schema rejects. The worker
/// reports it at the <c>KEY_CONVERTER</c>, <c>VALUE_CONVERTER</c> or <c>HEADER_CONVERTER</c> stage, where
/// <c>errors.tolerance</c> applies. Source tasks use it too, for input they cannot read
/// (<see cref="Records.SourceRecord{TKey,TValue}.Unreadable"/>, stage <c>TASK_POLL</c>).
/// </summary>
public class DataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public DataException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public DataException() { }
}

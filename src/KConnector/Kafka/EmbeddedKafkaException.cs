namespace KConnector.Kafka;

/// <summary>The embedded Kafka cluster refused an operation; the message carries librdkafka's reason.</summary>
public sealed class EmbeddedKafkaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddedKafkaException(string message)
        : base(message) { }

    /// <summary>Creates the exception with a cause.</summary>
    public EmbeddedKafkaException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>Creates the exception without details.</summary>
    public EmbeddedKafkaException() { }
}

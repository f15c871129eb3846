namespace KConnector.Errors;

/// <summary>
/// The step of the data path an error happened in, with Kafka Connect's names
/// (<c>org.apache.kafka.connect.runtime.errors.Stage</c>); written to the dead-letter queue's
/// <c>__connect.errors.stage</c> header.
/// </summary>
public enum Stage
{
    /// <summary>A source task's poll.</summary>
    TASK_POLL,

    /// <summary>A sink task's put.</summary>
    TASK_PUT,

    /// <summary>A single message transform.</summary>
    TRANSFORMATION,

    /// <summary>The key converter.</summary>
    KEY_CONVERTER,

    /// <summary>The value converter.</summary>
    VALUE_CONVERTER,

    /// <summary>The header converter.</summary>
    HEADER_CONVERTER,

    /// <summary>Producing to Kafka.</summary>
    KAFKA_PRODUCE,

    /// <summary>Consuming from Kafka.</summary>
    KAFKA_CONSUME,
}

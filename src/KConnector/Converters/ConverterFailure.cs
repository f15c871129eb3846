using KConnector.Errors;

namespace KConnector.Converters;

/// <summary>
/// The converters' error contract (issue 20, item 8; docs/converters.md, "Errors"): a converter
/// throws a <see cref="DataException"/> naming the topic for anything wrong with the bytes or the
/// value (Kafka Connect's <c>DataException</c>), or a <see cref="DependencyUnavailableException"/>
/// when the Schema Registry cannot answer. Whatever else a codec or a library throws (an
/// <see cref="Avro.AvroDecodeException"/>, an <see cref="InvalidOperationException"/> from the JSON
/// reader on invalid UTF-8, a Protobuf parse error) is wrapped here, with the cause kept.
/// </summary>
internal static class ConverterFailure
{
    /// <summary>Whether <paramref name="error"/> is outside the contract and must be wrapped.</summary>
    public static bool IsForeign(Exception error) =>
        error
            is not DataException
                and not DependencyUnavailableException
                and not OperationCanceledException
                and not OutOfMemoryException;

    /// <summary>A record from <paramref name="topic"/> that could not be read as <paramref name="type"/>.</summary>
    public static DataException Reading(string topic, Type type, Exception error) =>
        new(
            $"Record from topic '{topic}' cannot be read as {ClassName.Of(type)}: {error.Message}",
            error
        );

    /// <summary>A value of <paramref name="type"/> that could not be written for <paramref name="topic"/>.</summary>
    public static DataException Writing(string topic, Type type, Exception error) =>
        new(
            $"A {ClassName.Of(type)} for topic '{topic}' cannot be written: {error.Message}",
            error
        );
}

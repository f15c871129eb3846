namespace KConnector.Converters;

/// <summary>
/// A converter that can still write a value it could not convert, in a documented encoding and
/// without the Schema Registry: what a source record's dead-letter copy carries in place of the
/// converter's bytes, so that a user can replay it (issue 20, item 2; docs/worker.md, "Sources get a
/// dead-letter queue"). The encoding's name goes into the dead-letter record's
/// <c>__kconnector.errors.key.encoding</c> / <c>__kconnector.errors.value.encoding</c> header.
/// </summary>
/// <typeparam name="T">The converter's type.</typeparam>
public interface IDeadLetterEncoding<T>
{
    /// <summary>
    /// The encoding's name: <c>avro-binary</c> (the datum in the type's .avsc, without Confluent's
    /// framing), <c>json</c> (plain JSON, field names as in the schema), <c>protobuf-binary</c>
    /// (the message, without framing).
    /// </summary>
    string DeadLetterEncoding { get; }

    /// <summary>Writes <paramref name="value"/> in <see cref="DeadLetterEncoding"/>.</summary>
    byte[] EncodeForDeadLetter(T value);
}

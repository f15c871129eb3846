using KConnector.Converters;

namespace KConnector.Transforms.Compiled;

/// <summary>
/// What a source converter with a compiled chain does besides the chain, written once for the value
/// (<see cref="SourceChainConverter{TValue, TOutput}"/>) and the key
/// (<see cref="SourceKeyChainConverter{TKey, TValue, TOutput}"/>, and SourceChainConverter on a key):
/// a dead-letter copy of what the task produced, in its own type's encoding where a converter of that
/// type exists (else its text), and the refusal to read (a source converter only writes).
/// </summary>
internal static class SourceChainDeadLetters
{
    public static string EncodingOf<T>(IConverter<T>? input) =>
        (input as IDeadLetterEncoding<T>)?.DeadLetterEncoding ?? "text";

    public static byte[] Encode<T>(IConverter<T>? input, T value) =>
        input is IDeadLetterEncoding<T> own
            ? own.EncodeForDeadLetter(value)
            : System.Text.Encoding.UTF8.GetBytes(value?.ToString() ?? string.Empty);

    public static NotSupportedException WritesOnly() =>
        new("A source connector's compiled transformation chain converts records to Kafka only.");
}

using System.Text;
using KConnector.Converters;
using KConnector.Records;

namespace KConnector.Errors;

/// <summary>
/// What a source record's dead-letter copy carries where its converter failed: the value in the
/// converter's <see cref="IDeadLetterEncoding{T}"/> (Avro binary, JSON, Protobuf binary), a string
/// as UTF-8, bytes as they are, anything else as the text of <see cref="object.ToString"/> (for
/// reading, not replaying). The encoding is named in a header, so a key and value are never left
/// empty for a record that had them (issue 20, item 2).
/// </summary>
internal static class DeadLetterEncoder
{
    /// <summary>
    /// Encodes <paramref name="value"/> and adds <paramref name="header"/> (naming the encoding) to
    /// <paramref name="headers"/>; null for a null value.
    /// </summary>
    public static byte[]? Encode<T>(
        IConverter<T> converter,
        T? value,
        string header,
        List<RecordHeader> headers
    )
    {
        if (value is null)
        {
            return null;
        }
        string encoding;
        byte[] bytes;
        try
        {
            (encoding, bytes) = value switch
            {
                _ when converter is IDeadLetterEncoding<T> own => (
                    own.DeadLetterEncoding,
                    own.EncodeForDeadLetter(value)
                ),
                string text => ("utf-8", Encoding.UTF8.GetBytes(text)),
                byte[] raw => ("bytes", raw),
                _ => ("text", Encoding.UTF8.GetBytes(value.ToString() ?? "")),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The value cannot be written even without the registry: keep what can be shown.
            (encoding, bytes) = ("text", Encoding.UTF8.GetBytes(value.ToString() ?? ""));
        }
        headers.Add(new RecordHeader(header, Encoding.UTF8.GetBytes(encoding)));
        return bytes;
    }
}

namespace KConnector.Avro;

/// <summary>Avro bytes that cannot be decoded: truncated, corrupt, or written with another schema.</summary>
public sealed class AvroDecodeException : Exception
{
    /// <summary>Creates the exception for a field and byte position.</summary>
    public AvroDecodeException(string field, int position, string reason)
        : base($"Cannot decode Avro field '{field}' at byte {position}: {reason}.")
    {
        Field = field;
        Position = position;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AvroDecodeException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AvroDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public AvroDecodeException()
        : this("Cannot decode Avro data.") { }

    /// <summary>The field (dotted path) being read when decoding failed.</summary>
    public string Field { get; }

    /// <summary>The byte offset in the payload where decoding failed.</summary>
    public int Position { get; }
}

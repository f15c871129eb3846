using System;

namespace KConnector.Generator.Json;

/// <summary>Text that is not JSON, with the offset where reading stopped.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public JsonSyntaxException() { }

    public JsonSyntaxException(string message)
        : base(message) { }

    public JsonSyntaxException(string message, Exception innerException)
        : base(message, innerException) { }

    public int Offset { get; }
}

namespace KConnector.Converters.Headers;

/// <summary>The Connect schema types a header value can have after <see cref="SimpleHeaderConverter"/> parses it.</summary>
public enum HeaderValueType
{
    /// <summary>No value (a null header).</summary>
    Null,

    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>INT8.</summary>
    Int8,

    /// <summary>INT16.</summary>
    Int16,

    /// <summary>INT32.</summary>
    Int32,

    /// <summary>INT64.</summary>
    Int64,

    /// <summary>FLOAT32.</summary>
    Float32,

    /// <summary>FLOAT64.</summary>
    Float64,

    /// <summary>STRING.</summary>
    String,

    /// <summary>Connect's Timestamp logical type (<c>yyyy-MM-dd'T'HH:mm:ss.SSS'Z'</c>).</summary>
    Timestamp,

    /// <summary>Connect's Date logical type (<c>yyyy-MM-dd</c>).</summary>
    Date,

    /// <summary>Connect's Time logical type (<c>HH:mm:ss.SSS'Z'</c>).</summary>
    Time,

    /// <summary>ARRAY: <see cref="HeaderValue.Items"/>, of <see cref="HeaderValue.ElementType"/>.</summary>
    Array,

    /// <summary>MAP: <see cref="HeaderValue.Entries"/>, of <see cref="HeaderValue.KeyType"/> to <see cref="HeaderValue.ElementType"/>.</summary>
    Map,

    /// <summary>BYTES: <see cref="HeaderValue.Bytes"/>, raw (written as Base64 text by the SimpleHeaderConverter, as Connect's <c>Values</c> does).</summary>
    Bytes,
}

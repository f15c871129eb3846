namespace KConnector.Configuration;

/// <summary>
/// A converter or Schema Registry setting with a bad value: an <see cref="ArgumentException"/> (what
/// those settings have always thrown) that also names the key at fault, so that a connector's
/// config validation can report it as a <see cref="ConfigIssue"/> under its full key
/// (<c>value.converter.schemas.enable</c>).
/// </summary>
public sealed class ConfigValueException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public ConfigValueException(string key, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConfigValueException(string message)
        : base(message)
    {
        Key = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConfigValueException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = "";
    }

    /// <summary>Creates the exception without details.</summary>
    public ConfigValueException()
    {
        Key = "";
    }

    /// <summary>The setting at fault, as the converter reads it (without the <c>value.converter.</c> prefix).</summary>
    public string Key { get; }
}

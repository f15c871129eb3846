using KConnector.Configuration;

namespace KConnector.Connectors;

/// <summary>
/// Declares a settable property of a <see cref="SourceConnectorAttribute"/> or
/// <see cref="SinkConnectorAttribute"/> class as a config key, as a <c>ConfigDef.define(...)</c> call
/// would in Kafka Connect. Supported property types: <c>string</c>, <c>bool</c>, <c>int</c>,
/// <c>long</c>, <c>double</c> (each optionally nullable) and <c>IReadOnlyList&lt;string&gt;</c> (a LIST).
/// The generator checks every argument at compile time.
/// </summary>
/// <param name="name">The Kafka-style key, e.g. <c>connection.url</c>.</param>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ConfigPropertyAttribute(string name) : Attribute
{
    /// <summary>The key.</summary>
    public string Name { get; } = name;

    /// <summary>What the key does, served to users with the connector's description.</summary>
    public string? Doc { get; set; }

    /// <summary>The default; its type must match the property's (a comma-separated string for a list).</summary>
    public object? Default { get; set; }

    /// <summary>Whether a value must be given; a key with a <see cref="Default"/> cannot be required.</summary>
    public bool Required { get; set; }

    /// <summary>How much the key matters (Kafka's importance), Medium unless set.</summary>
    public ConfigImportance Importance { get; set; } = ConfigImportance.Medium;

    /// <summary>The smallest allowed value of a number, inclusive.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The largest allowed value of a number, inclusive.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>A .NET regular expression a string value must match entirely.</summary>
    public string? Pattern { get; set; }

    /// <summary>The allowed values of a string (compared ignoring case).</summary>
    public string[]? OneOf { get; set; }

    /// <summary>Whether the value is a secret (Kafka's PASSWORD type): it never appears in logs or errors.</summary>
    public bool Secret { get; set; }
}

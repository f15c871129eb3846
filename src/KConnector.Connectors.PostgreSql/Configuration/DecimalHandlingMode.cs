namespace KConnector.Connectors.PostgreSql.Configuration;

/// <summary>decimal.handling.mode, as Debezium names its modes.</summary>
public enum DecimalHandlingMode
{
    /// <summary>precise: Kafka Connect's Decimal logical type (the unscaled value's big-endian two's-complement bytes).</summary>
    Precise,

    /// <summary>double: a float64 (may lose precision).</summary>
    Double,

    /// <summary>string: the number's text.</summary>
    String,
}

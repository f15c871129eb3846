using System.Text.Json;

namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// How one column's text value becomes a Kafka Connect field, as Debezium's PostgreSQL connector
/// maps types (time.precision.mode=adaptive): the field's schema (type, logical name, parameters)
/// and the writer of its JSON value (what JsonConverter writes for that schema).
/// </summary>
/// <param name="Type">The Kafka Connect schema type (int32, string, bytes, struct...).</param>
/// <param name="LogicalName">The schema's name (a logical type such as <c>io.debezium.time.MicroTimestamp</c>), or null.</param>
/// <param name="Parameters">The schema's parameters (Decimal's scale), or null.</param>
/// <param name="Write">Writes the JSON value of a non-null text value.</param>
/// <param name="ItemType">For arrays, the items' type.</param>
/// <param name="Item">For arrays, the items' mapping.</param>
internal sealed record ColumnMapping(
    string Type,
    string? LogicalName,
    IReadOnlyDictionary<string, string>? Parameters,
    Action<Utf8JsonWriter, string> Write,
    string? ItemType = null,
    ColumnMapping? Item = null
);

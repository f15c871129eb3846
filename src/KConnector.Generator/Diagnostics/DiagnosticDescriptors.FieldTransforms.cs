using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0250-KCN0259: field-level single message transforms in connector specs, checked against the key and value schemas.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor TransformNeedsSchemalessRecords = Error(
        "KCN0250",
        "Field-level transformation needs schemaless records",
        Where
            + "\"{3}\" runs on schemaless records (JSON with no schema file under the JsonConverter, on a built-in sink; a hosted worker's System.Text.Json.Nodes.JsonNode), or compiled for typed records where the build can, and here {4}: every record would fail. "
            + "Read schemaless JSON (value.converter=org.apache.kafka.connect.json.JsonConverter, no value.schema), run it in a hosted worker with JsonNode keys and values (docs/transforms.md), or remove it."
    );

    public static readonly DiagnosticDescriptor TransformFieldNotInSchema = Error(
        "KCN0251",
        "Transformation names a field the schema does not have",
        Where + "\"{3}\" names the field \"{4}\", which {5} does not have (its fields: {6}).{7}"
    );

    public static readonly DiagnosticDescriptor TransformNeedsStruct = Error(
        "KCN0252",
        "Transformation needs a record",
        Where
            + "\"{3}\" needs a record (a Connect struct), and {4} is {5}: Kafka Connect fails every record with \"Only Struct objects supported for [{6}]\""
    );

    public static readonly DiagnosticDescriptor CastNotSupported = Error(
        "KCN0253",
        "Cast the field's type cannot take",
        Where + "\"{3}\" casts {4} of type {5} to {6}: {7}"
    );

    public static readonly DiagnosticDescriptor TimestampConverterInputType = Error(
        "KCN0254",
        "TimestampConverter on a field that is not a timestamp",
        Where
            + "\"{3}\" converts {4} of type {5}, which is not a timestamp: TimestampConverter reads a Timestamp, Date or Time, a string (parsed with format) or an int64 (unix time)"
    );

    public static readonly DiagnosticDescriptor TransformFieldExists = Error(
        "KCN0255",
        "Transformation adds a field the schema already has",
        Where
            + "\"{3}\" adds the field \"{4}\", which {5} already has: Kafka Connect fails every record with \"Cannot create field because of field name duplication {4}\""
    );

    public static readonly DiagnosticDescriptor MaskNotSupported = Error(
        "KCN0256",
        "MaskField cannot mask the field",
        Where + "\"{3}\" masks {4} of type {5}: {6}"
    );

    public static readonly DiagnosticDescriptor OffsetFieldOnSource = Error(
        "KCN0257",
        "offset.field in a source connector's chain",
        Where
            + "\"{3}\" inserts the Kafka offset, which a source record does not have yet: Kafka Connect fails every record with \"Only SinkRecord supported for [field insertion]\". Remove offset.field, or insert the offset in a sink connector's chain"
    );
}

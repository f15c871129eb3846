using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Diagnostics;

/// <summary>KCN0200-KCN0299: connector specs (*.connector.json) and connector attributes.</summary>
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SpecInvalidJson = Error(
        "KCN0200",
        "Connector spec is not valid JSON",
        Where + "the connector spec is not valid JSON: {3}"
    );

    public static readonly DiagnosticDescriptor SpecMissingKey = Error(
        "KCN0201",
        "Connector spec lacks a required key",
        Where + "the key \"{3}\" is required{4}"
    );

    public static readonly DiagnosticDescriptor SpecUnknownKey = Error(
        "KCN0202",
        "Unknown connector spec key",
        Where + "\"{3}\" is not a key of {4}.{5}"
    );

    public static readonly DiagnosticDescriptor SpecWrongType = Error(
        "KCN0203",
        "Connector spec value has the wrong type",
        Where + "\"{3}\" must be {4}, not {5}"
    );

    public static readonly DiagnosticDescriptor SchemaFileNotFound = Error(
        "KCN0204",
        "Schema file not found",
        Where
            + "the schema file \"{3}\" (resolved to {4}) is not among the project's schema files; check the path, relative to the spec"
    );

    public static readonly DiagnosticDescriptor ConverterCannotCarryType = Error(
        "KCN0205",
        "Converter cannot carry the type",
        Where + "{3} cannot carry {4}: {5}"
    );

    public static readonly DiagnosticDescriptor InvalidEnumValue = Error(
        "KCN0206",
        "Config value is not one of the allowed values",
        Where + "\"{3}\" is not a valid {4}; expected one of {5}{6}"
    );

    public static readonly DiagnosticDescriptor DeadLetterQueueNeedsToleranceAll = Error(
        "KCN0207",
        "Dead letter queue without errors.tolerance=all",
        Where
            + "errors.deadletterqueue.topic.name is set but errors.tolerance is \"{3}\": with tolerance none the first error stops the task and nothing reaches the dead letter queue; set errors.tolerance to \"all\""
    );

    public static readonly DiagnosticDescriptor UnknownConnectorClass = Error(
        "KCN0208",
        "Unknown connector class",
        Where
            + "\"{3}\" is not a known connector class (known: {4}).{5} A connector from a package is known once the project references the package."
    );

    public static readonly DiagnosticDescriptor UnknownConverter = Error(
        "KCN0209",
        "Unknown converter",
        Where + "\"{3}\" is not a known converter.{4}"
    );

    public static readonly DiagnosticDescriptor NotSupportedYet = Error(
        "KCN0210",
        "Not supported yet",
        Where
            + "{3} is valid Kafka Connect configuration but this version of KConnector does not support it yet"
    );

    public static readonly DiagnosticDescriptor KeyNotForKind = Error(
        "KCN0212",
        "Key does not apply to this kind of connector",
        Where + "\"{3}\" applies only to {4} connectors, and {5} is a {6} connector"
    );

    public static readonly DiagnosticDescriptor SchemaTypeUnavailable = Error(
        "KCN0213",
        "Schema file yields no usable type",
        Where + "the schema file \"{3}\" {4}"
    );

    public static readonly DiagnosticDescriptor DuplicateSpecKey = Error(
        "KCN0214",
        "Duplicate key",
        Where + "the key \"{3}\" is given more than once"
    );

    public static readonly DiagnosticDescriptor InvalidConnectorName = Error(
        "KCN0215",
        "Invalid connector name",
        Where
            + "the connector name \"{3}\" must contain a letter and use only letters, digits, '.', '-' and '_'"
    );

    public static readonly DiagnosticDescriptor DuplicateConnector = Error(
        "KCN0216",
        "Two connectors generate the same type",
        Where + "the connector \"{3}\" generates {4}, which {5} also generates; rename one of them"
    );

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "KCN0217",
        "Config value out of range",
        Where + "\"{3}\" is {4}, but must be {5}"
    );

    public static readonly DiagnosticDescriptor TopicsConflict = Error(
        "KCN0218",
        "Sink topics given twice or not at all",
        Where + "a sink connector needs exactly one of \"topics\" and \"topics.regex\"{3}"
    );

    public static readonly DiagnosticDescriptor ConnectorClassNotPartial = Error(
        "KCN0230",
        "Connector class is not partial",
        Where + "the class {3} must be declared partial so that the generator can complete it"
    );

    public static readonly DiagnosticDescriptor TaskMethodMissing = Error(
        "KCN0231",
        "Connector class lacks its task method",
        Where + "the {3} connector {4} must declare {5}"
    );

    public static readonly DiagnosticDescriptor TaskMethodWrongSignature = Error(
        "KCN0232",
        "Task method has the wrong signature",
        Where + "{3} has the wrong signature; it must be {4}"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyDefaultMismatch = Error(
        "KCN0233",
        "ConfigProperty default does not match the property type",
        Where + "the default {3} of \"{4}\" is not a valid {5}"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyBadRange = Error(
        "KCN0234",
        "Invalid ConfigProperty range",
        Where + "the range of \"{3}\" is invalid: {4}"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyBadPattern = Error(
        "KCN0235",
        "Invalid ConfigProperty pattern",
        Where + "the pattern of \"{3}\" is not a valid regular expression: {4}"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyUnsupportedType = Error(
        "KCN0236",
        "Unsupported ConfigProperty type",
        Where
            + "the property {3} has the type {4}; a config property must be string, bool, int, long, double (optionally nullable) or IReadOnlyList<string>"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyNotSettable = Error(
        "KCN0237",
        "ConfigProperty is not settable",
        Where
            + "the property {3} needs an accessible set or init accessor so that the generated worker can give it its config value"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyBadName = Error(
        "KCN0238",
        "Invalid ConfigProperty name",
        Where + "the config key \"{3}\" {4}"
    );

    public static readonly DiagnosticDescriptor ConnectorTypeUnsupported = Error(
        "KCN0239",
        "Connector class shape not supported",
        Where + "the connector class {3} {4}"
    );

    public static readonly DiagnosticDescriptor ConfigPropertyBadOneOf = Error(
        "KCN0240",
        "Invalid ConfigProperty OneOf",
        Where + "the OneOf of \"{3}\" is invalid: {4}"
    );

    public static readonly DiagnosticDescriptor ConnectorKeyValueTypeUnknown = Error(
        "KCN0241",
        "Connector key or value type not supported",
        Where
            + "the {3} type {4} is neither string, byte[], a type generated from an .avsc or .schema.json file of this project, a type implementing IAvroRecord or IJsonSchemaRecord, nor a protoc-generated Protobuf message"
    );

    public static readonly DiagnosticDescriptor RecordFieldUnmappable = Error(
        "KCN0242",
        "Record field cannot be mapped by the connector",
        Where
            + "the field \"{3}\" of {4} cannot be mapped by the connector {5}: {6}. Connectors map fields of primitive types, their logical types (not decimal or duration) and [\"null\", T] unions of them"
    );

    public static readonly DiagnosticDescriptor ConnectorKeyMustBeString = Error(
        "KCN0243",
        "Connector keys are strings",
        Where
            + "the connector {3} produces or consumes string keys, so key.schema cannot name {4}: remove key.schema"
    );

    public static readonly DiagnosticDescriptor ProtoFileUnreadable = Error(
        "KCN0244",
        "Cannot read the .proto file",
        Where
            + "cannot read the .proto file for the connector: {3} (KConnector reads its package, options and top-level messages; protoc reports the rest)"
    );

    public static readonly DiagnosticDescriptor ProtobufMessageProtoNotFound = Error(
        "KCN0245",
        "The .proto file of a Protobuf message is not found",
        Where
            + "the {3} type {4} is a Protobuf message, but no .proto file of this project declares it as a top-level message, and the ProtobufConverter registers that file's text: compile the .proto with <Protobuf Include=\"Schemas/x.proto\" GrpcServices=\"None\" /> (KConnector passes @(Protobuf) items to the generator), or add it as <AdditionalFiles Include=\"Schemas/x.proto\" />"
    );

    public static readonly DiagnosticDescriptor DescriptorNotPartial = Error(
        "KCN0246",
        "Plugin descriptor must be a static partial class",
        Where
            + "the descriptor {3} must be declared 'public static partial class', so that its Definition can be generated from its [ConfigKey] attributes"
    );

    public static readonly DiagnosticDescriptor DescriptorCannotCreateTask = Error(
        "KCN0247",
        "Connector descriptor has no CreateTask the worker can call",
        Where
            + "the connector class \"{3}\" (descriptor {4}) has no public static CreateTask<TKey, TValue> or CreateTask<TValue> whose parameters are among config, key, value and logger"
    );

    public static readonly DiagnosticDescriptor ValueDoesNotMatchPattern = Error(
        "KCN0248",
        "Config value does not match the key's pattern",
        Where + "\"{3}\" is \"{4}\", which does not match the pattern /{5}/"
    );
}

using KConnector.Configuration;
using KConnector.Plugins;

namespace KConnector.Converters.Plugins;

/// <summary>
/// The keys Confluent's Schema Registry converters (Avro, Protobuf, JSON Schema) share, as
/// Confluent documents them (<c>AbstractKafkaSchemaSerDeConfig</c>) plus the .NET client's
/// <c>schema.registry.*</c> tuning keys: what <c>SchemaRegistryConfig</c> and <c>ConverterConfig</c>
/// read. A worker passes them as <c>key.converter.*</c> / <c>value.converter.*</c> with the prefix
/// removed. Descriptors include them with <c>[IncludeConfigKeys(typeof(SchemaRegistryConverterKeys))]</c>.
/// </summary>
[ConfigKey(
    "schema.registry.url",
    ConfigType.String,
    Importance = ConfigImportance.High,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "Comma-separated list of URLs for Schema Registry instances that can be used to register or look up schemas; mock://scope for KConnector's in-memory registry."
)]
[ConfigKey(
    "basic.auth.credentials.source",
    ConfigType.String,
    Default = "URL",
    Group = SchemaRegistryConverterKeys.Group,
    AllowedValues = ["URL", "USER_INFO", "SASL_INHERIT"],
    Documentation = "Specify how to pick the credentials for the Basic authentication header: URL (the user info in schema.registry.url), USER_INFO (basic.auth.user.info) or SASL_INHERIT (sasl.username and sasl.password)."
)]
[ConfigKey(
    "basic.auth.user.info",
    ConfigType.Password,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "Specify the user info for Basic authentication in the form of {username}:{password}."
)]
[ConfigKey(
    "sasl.username",
    ConfigType.String,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The user name basic.auth.credentials.source=SASL_INHERIT sends (KConnector: the worker's SASL settings are not inherited, so they are given here)."
)]
[ConfigKey(
    "sasl.password",
    ConfigType.Password,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The password basic.auth.credentials.source=SASL_INHERIT sends."
)]
[ConfigKey(
    "bearer.auth.credentials.source",
    ConfigType.String,
    Group = SchemaRegistryConverterKeys.Group,
    AllowedValues = ["STATIC_TOKEN"],
    Documentation = "Specify how to pick the credentials for the Bearer authentication header; STATIC_TOKEN (bearer.auth.token) is the one supported."
)]
[ConfigKey(
    "bearer.auth.token",
    ConfigType.Password,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The static bearer token."
)]
[ConfigKey(
    "bearer.auth.logical.cluster",
    ConfigType.String,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The Schema Registry logical cluster, sent as the target-sr-cluster header (Confluent Cloud)."
)]
[ConfigKey(
    "bearer.auth.identity.pool.id",
    ConfigType.String,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The identity pool, sent as the Confluent-Identity-Pool-Id header."
)]
[ConfigKey(
    "auto.register.schemas",
    ConfigType.Boolean,
    Default = "true",
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "Specify if the serializer should attempt to register the schema with Schema Registry."
)]
[ConfigKey(
    "use.latest.version",
    ConfigType.Boolean,
    Default = "false",
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "Use the latest version of the schema in the subject for serialization, when auto.register.schemas is false."
)]
[ConfigKey(
    "key.subject.name.strategy",
    ConfigType.String,
    Default = SchemaRegistryConverterKeys.TopicNameStrategy,
    Group = SchemaRegistryConverterKeys.Group,
    RecommendedValues = [
        SchemaRegistryConverterKeys.TopicNameStrategy,
        SchemaRegistryConverterKeys.RecordNameStrategy,
        SchemaRegistryConverterKeys.TopicRecordNameStrategy,
    ],
    Documentation = "Determines how to construct the subject name under which the key schema is registered with Schema Registry."
)]
[ConfigKey(
    "value.subject.name.strategy",
    ConfigType.String,
    Default = SchemaRegistryConverterKeys.TopicNameStrategy,
    Group = SchemaRegistryConverterKeys.Group,
    RecommendedValues = [
        SchemaRegistryConverterKeys.TopicNameStrategy,
        SchemaRegistryConverterKeys.RecordNameStrategy,
        SchemaRegistryConverterKeys.TopicRecordNameStrategy,
    ],
    Documentation = "Determines how to construct the subject name under which the value schema is registered with Schema Registry."
)]
[ConfigKey(
    "schema.registry.request.timeout.ms",
    ConfigType.Int,
    Default = "30000",
    Min = 0,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The timeout of one request to Schema Registry, in milliseconds."
)]
[ConfigKey(
    "schema.registry.max.retries",
    ConfigType.Int,
    Default = "3",
    Min = 0,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "How many times a request is retried after a 5xx, 408 or 429 answer, a timeout or a refused connection."
)]
[ConfigKey(
    "schema.registry.retries.wait.ms",
    ConfigType.Int,
    Default = "1000",
    Min = 0,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The first wait before a retry, in milliseconds; each retry doubles it."
)]
[ConfigKey(
    "schema.registry.retries.max.wait.ms",
    ConfigType.Int,
    Default = "20000",
    Min = 0,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The longest wait before a retry, in milliseconds."
)]
[ConfigKey(
    "schema.registry.max.cached.schemas",
    ConfigType.Int,
    Default = "1000",
    Min = 1,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "The most schemas each of the client's caches holds."
)]
[ConfigKey(
    "schema.registry.latest.cache.ttl.secs",
    ConfigType.Int,
    Default = "-1",
    Min = -1,
    Group = SchemaRegistryConverterKeys.Group,
    Documentation = "How long a subject's latest version is cached, in seconds; -1 never expires."
)]
internal static class SchemaRegistryConverterKeys
{
    internal const string Group = "Schema Registry";
    internal const string Strategies = "io.confluent.kafka.serializers.subject.";
    internal const string TopicNameStrategy = Strategies + "TopicNameStrategy";
    internal const string RecordNameStrategy = Strategies + "RecordNameStrategy";
    internal const string TopicRecordNameStrategy = Strategies + "TopicRecordNameStrategy";
}

using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

internal static partial class BuiltInConnectors
{
    // Confluent's Elasticsearch sink over the REST bulk API: each value is a document (its generated
    // WriteJson), and with schema.ignore=false the index mapping comes from the generated shape.
    private static BuiltInConnector ElasticsearchSink() =>
        new(
            "KConnector.Connectors.Elasticsearch.ElasticsearchSink",
            new[]
            {
                "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector",
                "ElasticsearchSinkConnector",
                "ElasticsearchSink",
            }.ToEquatableArray(),
            ConnectorKind.Sink,
            new[]
            {
                CommonConfigKeys.Key(
                    "connection.url",
                    ConfigKeyType.List,
                    null,
                    "High",
                    "Elasticsearch URL(s), e.g. http://127.0.0.1:9200. Requests go to the first; the others are not used yet.",
                    "Connector",
                    required: true
                ),
                CommonConfigKeys.Key(
                    "connection.username",
                    ConfigKeyType.String,
                    null,
                    "Medium",
                    "User for HTTP Basic authentication.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "connection.password",
                    ConfigKeyType.Password,
                    null,
                    "Medium",
                    "Password for HTTP Basic authentication; never logged.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "key.ignore",
                    ConfigKeyType.Boolean,
                    "false",
                    "High",
                    "true: the document id is topic+partition+offset; false: the record key (a string or number) is the id.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "schema.ignore",
                    ConfigKeyType.Boolean,
                    "false",
                    "Low",
                    "true: let Elasticsearch infer mappings; false: create a missing index with a mapping from the record schema.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "write.method",
                    ConfigKeyType.String,
                    "insert",
                    "Low",
                    "insert (index: replace the document) or upsert (update with doc_as_upsert).",
                    "Connector",
                    oneOf: new[] { "insert", "upsert" }
                ),
                CommonConfigKeys.Key(
                    "behavior.on.null.values",
                    ConfigKeyType.String,
                    "fail",
                    "Low",
                    "What a tombstone does: ignore it, delete the document with the record's id, or fail it (a failed record).",
                    "Connector",
                    oneOf: new[] { "ignore", "delete", "fail" }
                ),
                CommonConfigKeys.Key(
                    "behavior.on.malformed.documents",
                    ConfigKeyType.String,
                    "fail",
                    "Low",
                    "What a document Elasticsearch rejects as malformed does: ignore it, warn (log and skip) or fail it (a failed record).",
                    "Connector",
                    oneOf: new[] { "ignore", "warn", "fail" }
                ),
                CommonConfigKeys.Key(
                    "batch.size",
                    ConfigKeyType.Int,
                    "2000",
                    "Low",
                    "Records per bulk request.",
                    "Connector",
                    min: "1"
                ),
                CommonConfigKeys.Key(
                    "max.retries",
                    ConfigKeyType.Int,
                    "5",
                    "Low",
                    "Retries of a bulk request (or of its items) answered 429 or 5xx, or that failed to connect.",
                    "Connector",
                    min: "0"
                ),
                CommonConfigKeys.Key(
                    "retry.backoff.ms",
                    ConfigKeyType.Int,
                    "100",
                    "Low",
                    "First pause between retries, doubled each retry, unless the server sends Retry-After.",
                    "Connector",
                    min: "0"
                ),
                CommonConfigKeys.Key(
                    "retry.backoff.max.ms",
                    ConfigKeyType.Int,
                    "10000",
                    "Low",
                    "Longest pause between retries, also the cap on Retry-After (our own key).",
                    "Connector",
                    min: "0"
                ),
                CommonConfigKeys.Key(
                    "read.timeout.ms",
                    ConfigKeyType.Int,
                    "3000",
                    "Low",
                    "Timeout of one request, in milliseconds.",
                    "Connector",
                    min: "1"
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.Elasticsearch.ElasticsearchSinkTask<{0}, {1}>",
            "global::KConnector.Connectors.Elasticsearch.ElasticsearchSinkTaskFactory.Create<{0}, {1}>(config.Parsed.Originals, {3}, logger)",
            "KConnector.Connectors.Elasticsearch.ElasticsearchSinkTask`2",
            "KConnector.Connectors.Elasticsearch",
            ValueMustBeRecord: true,
            TaskIsDisposable: true,
            KeyMayBeRecord: true,
            MapsRecords: true
        );
}

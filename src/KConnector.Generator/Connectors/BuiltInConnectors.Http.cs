using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

internal static partial class BuiltInConnectors
{
    // Confluent's HTTP sink (io.confluent.connect.http.HttpSinkConnector) sends record values to an
    // endpoint; this one sends each value as the JSON its generated type writes (WriteJson), so it
    // needs no table mapping.
    private static BuiltInConnector HttpSink() =>
        new(
            "KConnector.Connectors.Http.HttpSink",
            new[]
            {
                "io.confluent.connect.http.HttpSinkConnector",
                "HttpSinkConnector",
                "HttpSink",
            }.ToEquatableArray(),
            ConnectorKind.Sink,
            new[]
            {
                CommonConfigKeys.Key(
                    "http.api.url",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "The endpoint URL (http or https).",
                    "Connector",
                    required: true
                ),
            }
                .Concat(HttpRequestKeys())
                .Concat(
                    new[]
                    {
                        CommonConfigKeys.Key(
                            "request.method",
                            ConfigKeyType.String,
                            "POST",
                            "High",
                            "The HTTP method of each request.",
                            "Connector",
                            oneOf: new[] { "post", "put", "patch" }
                        ),
                        CommonConfigKeys.Key(
                            "batch.max.size",
                            ConfigKeyType.Int,
                            "1",
                            "High",
                            "Records per request. 1 sends each record's JSON object as the body; more sends a JSON array of them.",
                            "Connector",
                            min: "1"
                        ),
                        CommonConfigKeys.Key(
                            "max.retries",
                            ConfigKeyType.Int,
                            "10",
                            "Medium",
                            "Retries of a request answered 408, 429 or 5xx, or that failed to connect, before the put fails.",
                            "Connector",
                            min: "0"
                        ),
                        CommonConfigKeys.Key(
                            "retry.backoff.ms",
                            ConfigKeyType.Int,
                            "3000",
                            "Medium",
                            "First pause between retries, doubled each retry (capped by retry.backoff.max.ms), unless the server sends Retry-After.",
                            "Connector",
                            min: "0"
                        ),
                        CommonConfigKeys.Key(
                            "retry.backoff.max.ms",
                            ConfigKeyType.Int,
                            "60000",
                            "Low",
                            "Longest pause between retries, also the cap on a server's Retry-After.",
                            "Connector",
                            min: "0"
                        ),
                        CommonConfigKeys.Key(
                            "behavior.on.null.values",
                            ConfigKeyType.String,
                            "ignore",
                            "Low",
                            "What a tombstone (null value) does: ignore it, or fail it (reported as a failed record).",
                            "Connector",
                            oneOf: new[] { "ignore", "fail" }
                        ),
                    }
                )
                .ToEquatableArray(),
            "global::KConnector.Connectors.Http.Sink.HttpSinkTask<{0}, {1}>",
            "global::KConnector.Connectors.Http.Sink.HttpSinkTaskFactory.Create<{0}, {1}>(config.Parsed.Originals, logger)",
            "KConnector.Connectors.Http.Sink.HttpSinkTask`2",
            "KConnector.Connectors.Http",
            ValueMustBeRecord: true,
            TaskIsDisposable: true
        );

    // Confluent's HTTP source (io.confluent.connect.http.HttpSourceConnector) polls a paged REST API;
    // each JSON object becomes a record of the value's .avsc type through the generated accessor.
    private static BuiltInConnector HttpSource() =>
        new(
            "KConnector.Connectors.Http.HttpSource",
            new[]
            {
                "io.confluent.connect.http.HttpSourceConnector",
                "HttpSourceConnector",
                "HttpSource",
            }.ToEquatableArray(),
            ConnectorKind.Source,
            new[]
            {
                CommonConfigKeys.Key(
                    "url",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "The listing URL; ${offset} is replaced by the last offset (URL-encoded).",
                    "Connector",
                    required: true
                ),
            }
                .Concat(HttpRequestKeys())
                .Concat(
                    new[]
                    {
                        CommonConfigKeys.Key(
                            "topic.name.pattern",
                            ConfigKeyType.String,
                            null,
                            "High",
                            "The topic records are written to.",
                            "Connector",
                            required: true
                        ),
                        CommonConfigKeys.Key(
                            "http.request.parameters",
                            ConfigKeyType.String,
                            "",
                            "Medium",
                            "Extra query parameters, name=value separated by &; ${offset} is replaced by the last offset.",
                            "Connector"
                        ),
                        CommonConfigKeys.Key(
                            "http.response.data.json.pointer",
                            ConfigKeyType.String,
                            "",
                            "High",
                            "JSON Pointer to the array of records in a response (Salesforce: /records); empty: the body is the array.",
                            "Connector"
                        ),
                        CommonConfigKeys.Key(
                            "http.offset.json.pointer",
                            ConfigKeyType.String,
                            null,
                            "High",
                            "JSON Pointer, within one record, to its incrementing field (an id or an ISO timestamp): the source offset.",
                            "Connector",
                            required: true
                        ),
                        CommonConfigKeys.Key(
                            "http.initial.offset",
                            ConfigKeyType.String,
                            "0",
                            "Medium",
                            "The offset of the first round, when none is stored.",
                            "Connector"
                        ),
                        CommonConfigKeys.Key(
                            "http.pagination.mode",
                            ConfigKeyType.String,
                            "none",
                            "Medium",
                            "How one listing is paged: none, cursor (http.next.page.json.pointer) or page (http.page.param).",
                            "Connector",
                            oneOf: new[] { "none", "cursor", "page" }
                        ),
                        CommonConfigKeys.Key(
                            "http.next.page.json.pointer",
                            ConfigKeyType.String,
                            "",
                            "Medium",
                            "JSON Pointer to the next page's URL or cursor token in a response (Salesforce: /nextRecordsUrl); cursor mode.",
                            "Connector"
                        ),
                        CommonConfigKeys.Key(
                            "http.cursor.param",
                            ConfigKeyType.String,
                            "cursor",
                            "Low",
                            "Query parameter that carries a cursor token that is not a URL; cursor mode.",
                            "Connector"
                        ),
                        CommonConfigKeys.Key(
                            "http.page.param",
                            ConfigKeyType.String,
                            "page",
                            "Low",
                            "Query parameter of the page number; page mode.",
                            "Connector"
                        ),
                        CommonConfigKeys.Key(
                            "http.page.start",
                            ConfigKeyType.Int,
                            "1",
                            "Low",
                            "Number of the first page; page mode.",
                            "Connector",
                            min: "0"
                        ),
                        CommonConfigKeys.Key(
                            "request.interval.ms",
                            ConfigKeyType.Int,
                            "15000",
                            "High",
                            "Milliseconds between the starts of two listings.",
                            "Connector",
                            min: "1"
                        ),
                        CommonConfigKeys.Key(
                            "max.retries",
                            ConfigKeyType.Int,
                            "10",
                            "Medium",
                            "Retries of a request answered 408, 429 or 5xx, or that failed to connect.",
                            "Connector",
                            min: "0"
                        ),
                        CommonConfigKeys.Key(
                            "retry.backoff.ms",
                            ConfigKeyType.Int,
                            "3000",
                            "Medium",
                            "First pause between retries, doubled each retry, unless the server sends Retry-After.",
                            "Connector",
                            min: "0"
                        ),
                        CommonConfigKeys.Key(
                            "retry.backoff.max.ms",
                            ConfigKeyType.Int,
                            "60000",
                            "Low",
                            "Longest pause between retries, also the cap on Retry-After.",
                            "Connector",
                            min: "0"
                        ),
                    }
                )
                .ToEquatableArray(),
            "global::KConnector.Connectors.Http.Source.HttpSourceTask<{1}>",
            "global::KConnector.Connectors.Http.Source.HttpSourceTaskFactory.Create<{1}>(config.Parsed.Originals, {3}, logger)",
            "KConnector.Connectors.Http.Source.HttpSourceTask`1",
            "KConnector.Connectors.Http",
            ValueMustBeRecord: true,
            TaskIsDisposable: true,
            KeyMayBeRecord: false,
            MapsRecords: true,
            SingleTask: true
        );

    // The request keys both HTTP connectors read (HttpRequestSettings in the connector project).
    private static ConfigKeyModel[] HttpRequestKeys() =>
        new[]
        {
            CommonConfigKeys.Key(
                "auth.type",
                ConfigKeyType.String,
                "none",
                "High",
                "Authentication: none, basic (connection.user / connection.password) or bearer (bearer.token).",
                "Connector",
                oneOf: new[] { "none", "basic", "bearer" }
            ),
            CommonConfigKeys.Key(
                "connection.user",
                ConfigKeyType.String,
                null,
                "Medium",
                "User for auth.type=basic.",
                "Connector"
            ),
            CommonConfigKeys.Key(
                "connection.password",
                ConfigKeyType.Password,
                null,
                "Medium",
                "Password for auth.type=basic; never logged.",
                "Connector"
            ),
            CommonConfigKeys.Key(
                "bearer.token",
                ConfigKeyType.Password,
                null,
                "Medium",
                "Token for auth.type=bearer; never logged.",
                "Connector"
            ),
            CommonConfigKeys.Key(
                "headers",
                ConfigKeyType.Password,
                "",
                "Medium",
                "Extra request headers, Name:Value, separated by header.separator. Treated as secret (they often carry API keys): never logged.",
                "Connector"
            ),
            CommonConfigKeys.Key(
                "header.separator",
                ConfigKeyType.String,
                "|",
                "Low",
                "Separator between the entries of headers.",
                "Connector"
            ),
            CommonConfigKeys.Key(
                "http.request.timeout.ms",
                ConfigKeyType.Int,
                "30000",
                "Low",
                "Timeout of one request, in milliseconds.",
                "Connector",
                min: "1"
            ),
        };
}

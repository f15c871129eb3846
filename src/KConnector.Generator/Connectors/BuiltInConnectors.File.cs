using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

internal static partial class BuiltInConnectors
{
    // Kafka Connect's FileStreamSinkConnector writes one line per record to "file"; this one writes
    // each value as a JSON object per line (JSON lines) and fsyncs before offsets are committed.
    private static BuiltInConnector JsonLinesFileSink() =>
        new(
            "KConnector.Connectors.File.JsonLinesFileSink",
            new[]
            {
                "FileStreamSink",
                "FileStreamSinkConnector",
                "org.apache.kafka.connect.file.FileStreamSinkConnector",
                "JsonLinesFileSink",
            }.ToEquatableArray(),
            ConnectorKind.Sink,
            new[]
            {
                CommonConfigKeys.Key(
                    "file",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "The file records are appended to (FileStreamSink's key); rolled files sit beside it.",
                    "Connector",
                    required: true
                ),
                CommonConfigKeys.Key(
                    "file.roll.size.bytes",
                    ConfigKeyType.Long,
                    "0",
                    "Medium",
                    "Roll the file once it holds at least this many bytes; 0 never rolls by size.",
                    "Connector",
                    min: "0"
                ),
                CommonConfigKeys.Key(
                    "file.roll.interval.ms",
                    ConfigKeyType.Long,
                    "0",
                    "Medium",
                    "Roll the file once it has been open this long; 0 never rolls by time.",
                    "Connector",
                    min: "0"
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.File.JsonLinesFileSinkTask<{0}, {1}>",
            // The options' Parse reads only its own keys of the worker's config (already resolved).
            "new global::KConnector.Connectors.File.JsonLinesFileSinkTask<{0}, {1}>(global::KConnector.Connectors.File.Sink.FileSinkOptions.Parse(config.Parsed.Originals))",
            "KConnector.Connectors.File.JsonLinesFileSinkTask`2",
            "KConnector.Connectors.File",
            ValueMustBeRecord: true,
            TaskIsDisposable: true
        );

    // Kafka Connect's FileStreamSourceConnector tails "file" into "topic", one string per line; this
    // one reads JSON lines or CSV into records of the value's .avsc type (string keys: null).
    private static BuiltInConnector FileStreamSource() =>
        new(
            "KConnector.Connectors.File.FileStreamSource",
            new[]
            {
                "FileStreamSource",
                "FileStreamSourceConnector",
                "org.apache.kafka.connect.file.FileStreamSourceConnector",
            }.ToEquatableArray(),
            ConnectorKind.Source,
            new[]
            {
                CommonConfigKeys.Key(
                    "file",
                    ConfigKeyType.String,
                    "",
                    "High",
                    "One file to tail (FileStreamSource's key). Give this or directory.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "directory",
                    ConfigKeyType.String,
                    "",
                    "High",
                    "A directory whose files matching file.pattern are tailed.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "file.pattern",
                    ConfigKeyType.String,
                    "*",
                    "Medium",
                    "File name pattern in directory (* and ? wildcards), e.g. *.jsonl.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "topic",
                    ConfigKeyType.String,
                    null,
                    "High",
                    "The topic records are written to.",
                    "Connector",
                    required: true
                ),
                CommonConfigKeys.Key(
                    "format",
                    ConfigKeyType.String,
                    "json",
                    "High",
                    "json (one JSON object per line) or csv.",
                    "Connector",
                    oneOf: new[] { "json", "csv" }
                ),
                CommonConfigKeys.Key(
                    "csv.header",
                    ConfigKeyType.Boolean,
                    "true",
                    "Medium",
                    "The first line of a CSV file names its columns (matched to fields by name); false: columns are fields in schema order.",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "csv.separator",
                    ConfigKeyType.String,
                    ",",
                    "Low",
                    "The CSV field separator (one character).",
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "batch.size",
                    ConfigKeyType.Int,
                    "2000",
                    "Low",
                    "Most records returned by one poll.",
                    "Connector",
                    min: "1"
                ),
                CommonConfigKeys.Key(
                    "poll.interval.ms",
                    ConfigKeyType.Int,
                    "1000",
                    "Low",
                    "Pause before looking again when no file has a new complete line.",
                    "Connector",
                    min: "1"
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.File.Source.FileSourceTask<{1}>",
            "global::KConnector.Connectors.File.Source.FileSourceTaskFactory.Create<{1}>(config.Parsed.Originals, {3})",
            "KConnector.Connectors.File.Source.FileSourceTask`1",
            "KConnector.Connectors.File",
            ValueMustBeRecord: true,
            TaskIsDisposable: true,
            KeyMayBeRecord: false,
            MapsRecords: true,
            SingleTask: true
        );
}

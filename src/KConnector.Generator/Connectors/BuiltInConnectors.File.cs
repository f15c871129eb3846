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
                    "Connector"
                ),
                CommonConfigKeys.Key(
                    "file.roll.interval.ms",
                    ConfigKeyType.Long,
                    "0",
                    "Medium",
                    "Roll the file once it has been open this long; 0 never rolls by time.",
                    "Connector"
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.File.JsonLinesFileSinkTask<{0}, {1}>",
            "new global::KConnector.Connectors.File.JsonLinesFileSinkTask<{0}, {1}>(global::KConnector.Connectors.File.Sink.FileSinkOptions.Parse("
                + Own("global::KConnector.Connectors.File.Sink.FileSinkOptions")
                + "))",
            "KConnector.Connectors.File.JsonLinesFileSinkTask`2",
            "KConnector.Connectors.File",
            ValueMustBeRecord: true,
            TaskIsDisposable: true
        );
}

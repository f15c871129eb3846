using System;
using System.Collections.Generic;
using System.Linq;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The table of built-in connector classes. A spec naming one of them compiles to a complete worker
/// with no user code.
/// </summary>
internal static class BuiltInConnectors
{
    public static readonly IReadOnlyList<BuiltInConnector> All = new[]
    {
        // Kafka Connect's FileStreamSinkConnector writes one line per record to "file"; this one writes
        // each value as a JSON object per line (JSON lines) and fsyncs before offsets are committed.
        new BuiltInConnector(
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
                    "The file to append records to, one JSON object per line; created with its directory when missing.",
                    "Connector",
                    required: true
                ),
            }.ToEquatableArray(),
            "global::KConnector.Connectors.File.JsonLinesFileSinkTask<{0}, {1}>",
            "new global::KConnector.Connectors.File.JsonLinesFileSinkTask<{0}, {1}>(config.File)",
            "KConnector.Connectors.File.JsonLinesFileSinkTask`2",
            "KConnector.Connectors.File",
            ValueMustBeRecord: true,
            TaskIsDisposable: true
        ),
    };

    /// <summary>Every name a spec may use, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllNames =>
        All.SelectMany(c => new[] { c.ClassName }.Concat(c.Aliases));

    public static BuiltInConnector? Find(string name) =>
        All.FirstOrDefault(c =>
            string.Equals(c.ClassName, name, StringComparison.Ordinal)
            || c.Aliases.Any(a => string.Equals(a, name, StringComparison.Ordinal))
        );
}

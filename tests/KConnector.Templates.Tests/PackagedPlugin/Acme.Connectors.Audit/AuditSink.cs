using KConnector.Configuration;
using KConnector.Plugins;

namespace Acme.Connectors.Audit;

/// <summary>A sink connector of the package: each record's value as a line of a file.</summary>
[ConnectPlugin("Acme.Connectors.Audit.AuditSink", PluginKind.Sink, Aliases = ["AuditSink"])]
[ConfigKey(
    "audit.file",
    ConfigType.String,
    Required = true,
    Documentation = "The file audit lines are appended to."
)]
[ConfigKey(
    "audit.prefix",
    ConfigType.String,
    Default = "audit",
    Pattern = "[a-z]+",
    Documentation = "What each line starts with."
)]
public static partial class AuditSink
{
    /// <summary>The task the worker runs.</summary>
    public static AuditSinkTask<TKey, TValue> CreateTask<TKey, TValue>(
        IReadOnlyDictionary<string, string?> config
    )
    {
        var parsed = Definition.Parse(config).ThrowIfInvalid();
        return new(parsed.Get<string>("audit.file")!, parsed.Get<string>("audit.prefix")!);
    }
}

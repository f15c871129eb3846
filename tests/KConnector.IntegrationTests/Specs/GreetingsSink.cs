using System.Collections.Concurrent;
using KConnector.Connectors;
using KConnector.Records;

namespace KConnector.IntegrationTests.Specs;

/// <summary>An attribute sink connector of strings: the test writes PutAsync only.</summary>
[SinkConnector("spec-greetings-sink", Topics = "spec-greetings")]
public sealed partial class GreetingsSink
{
    /// <summary>Every value put, across instances (the worker creates the instance).</summary>
    public static ConcurrentQueue<string> Received { get; } = new();

    /// <summary>Text added before each value.</summary>
    [ConfigProperty("greetings.prefix", Default = "got:", Doc = "Prefix of each stored value.")]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Stores each value with the prefix.</summary>
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Received.Enqueue(Prefix + record.Value);
        }
        return ValueTask.CompletedTask;
    }
}

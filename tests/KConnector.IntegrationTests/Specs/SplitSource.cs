using System.Globalization;
using KConnector.Connectors;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.IntegrationTests.Specs;

/// <summary>
/// An attribute source that splits its work between its tasks as Kafka Connect's taskConfigs would:
/// task i of n writes the numbers below <c>split.count</c> that are i modulo n.
/// </summary>
[SourceConnector("spec-split-source")]
public sealed partial class SplitSource
{
    private int _taskId;
    private int _tasks = 1;
    private long _next;
    private bool _done;

    /// <summary>How many numbers the connector writes in all.</summary>
    [ConfigProperty("split.count", Default = 100L, Min = 0)]
    public long Count { get; set; }

    /// <summary>The topic.</summary>
    [ConfigProperty("split.topic", Required = true)]
    public string Topic { get; set; } = string.Empty;

    /// <summary>Takes this task's share.</summary>
    public void Initialize(SourceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _taskId = context.TaskId;
        _tasks = context.TasksMax;
        _next = _taskId;
    }

    /// <summary>Writes this task's numbers, keyed by the task that wrote them.</summary>
    public ValueTask<IReadOnlyList<SourceRecord<string, string>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        var batch = new List<SourceRecord<string, string>>();
        while (!_done && _next < Count && batch.Count < 50)
        {
            batch.Add(
                new SourceRecord<string, string>
                {
                    Topic = Topic,
                    Key = _taskId.ToString(CultureInfo.InvariantCulture),
                    Value = _next.ToString(CultureInfo.InvariantCulture),
                }
            );
            _next += _tasks;
        }
        _done = _next >= Count;
        return ValueTask.FromResult<IReadOnlyList<SourceRecord<string, string>>>(batch);
    }
}

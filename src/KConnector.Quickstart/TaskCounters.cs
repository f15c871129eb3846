using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KConnector.Metrics;

namespace KConnector.Quickstart;

/// <summary>
/// Totals of the Kafka Connect task metrics the progress line shows that a worker does not expose
/// itself (<c>source-record-poll-total</c>: lines read, malformed ones too;
/// <c>total-records-skipped</c>: lines dead-lettered), per connector, read from the
/// <see cref="ConnectMeter"/> as OpenTelemetry or <c>dotnet-counters</c> would read them.
/// </summary>
public sealed class TaskCounters : IDisposable
{
    /// <summary>Records returned by a source task's poll.</summary>
    public const string SourceRecordPollTotal = "source-record-poll-total";

    /// <summary>Records skipped because of errors (tolerated, sent to the dead-letter queue).</summary>
    public const string TotalRecordsSkipped = "total-records-skipped";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Connector, string Instrument), long> _totals =
        new();

    /// <summary>Starts counting the measurements from now on.</summary>
    public TaskCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (
                instrument.Meter.Name == ConnectMeter.Name
                && instrument.Name is SourceRecordPollTotal or TotalRecordsSkipped
            )
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(
            (instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "connector", Value: string connector })
                    {
                        _totals.AddOrUpdate(
                            (connector, instrument.Name),
                            value,
                            (_, total) => total + value
                        );
                    }
                }
            }
        );
        _listener.Start();
    }

    /// <summary>The total of <paramref name="instrument"/> for <paramref name="connector"/> since this started.</summary>
    public long Total(string connector, string instrument) =>
        _totals.TryGetValue((connector, instrument), out var total) ? total : 0;

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}

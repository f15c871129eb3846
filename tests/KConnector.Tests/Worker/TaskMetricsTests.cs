using System.Diagnostics.Metrics;
using KConnector.Metrics;

namespace KConnector.Tests.Worker;

public sealed class TaskMetricsTests
{
    [Fact]
    public void Measurements_UseKafkaConnectNamesAndCarryConnectorAndTaskTags()
    {
        var connector = "m-" + Guid.NewGuid().ToString("N");
        var seen = new List<(string Name, long Value, string? Connector, int? Task)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ConnectMeter.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, value, tags, _) =>
            {
                string? c = null;
                int? t = null;
                foreach (var tag in tags)
                {
                    c = tag.Key == "connector" ? (string?)tag.Value : c;
                    t = tag.Key == "task" ? (int?)tag.Value : t;
                }
                if (c == connector)
                {
                    seen.Add((instrument.Name, value, c, t));
                }
            }
        );
        listener.Start();
        var metrics = new TaskMetrics(connector, 4);

        metrics.RecordPoll(10);
        metrics.RecordWrite();
        metrics.RecordRead(3);
        metrics.RecordSend(3);
        metrics.RecordFailure();
        metrics.RecordError();
        metrics.RecordSkipped();
        metrics.RecordRetry();
        metrics.RecordErrorLogged();
        metrics.RecordDeadLetterQueueRequest();
        metrics.RecordDeadLetterQueueFailure();
        listener.RecordObservableInstruments();

        Assert.All(seen, s => Assert.Equal(4, s.Task));
        Assert.Equal(
            [
                "source-record-poll-total",
                "source-record-write-total",
                "sink-record-read-total",
                "sink-record-send-total",
                "total-record-failures",
                "total-record-errors",
                "total-records-skipped",
                "total-retries",
                "total-errors-logged",
                "deadletterqueue-produce-requests",
                "deadletterqueue-produce-failures",
                "last-error-timestamp",
            ],
            seen.Select(s => s.Name)
        );
        Assert.Equal(10, seen[0].Value);
        Assert.Equal(metrics.LastErrorTimestamp, seen[^1].Value);
        Assert.True(metrics.LastErrorTimestamp > 0);
    }
}

namespace KConnector.Hosting;

// Kafka Connect counts a connector's startup (its config checked, its tasks split) in
// connect-worker-metrics' connector-startup-{attempts,success,failure}-total.
public sealed partial class ConnectWorker
{
    // countSuccess false: the first step of a startup whose success is counted by a later step.
    private T StartingConnector<T>(Func<T> start, bool countSuccess = true)
    {
        try
        {
            var started = start();
            if (countSuccess)
            {
                Metrics.RecordConnectorStartup(succeeded: true);
            }
            return started;
        }
        catch
        {
            Metrics.RecordConnectorStartup(succeeded: false);
            throw;
        }
    }

    private void StartingConnector(Action start) =>
        StartingConnector(() =>
        {
            start();
            return true;
        });
}

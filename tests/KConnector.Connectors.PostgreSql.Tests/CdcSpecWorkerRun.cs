using KConnector.Kafka;
using KConnector.Testing.SchemaRegistry;

namespace KConnector.Connectors.PostgreSql.Tests;

/// <summary>
/// Runs a generated CDC spec worker against the shared logical-replication server and a registry:
/// the spec's ${env:...} port and registry URL are set for the run, <c>step</c> is called each time
/// the worker's processed count moves until it says done (60 s at most), then the worker stops and
/// its inactive slot is dropped so the next test starts clean.
/// </summary>
internal static class CdcSpecWorkerRun
{
    public static async Task RunAsync(
        LogicalPostgreSql fixture,
        SchemaRegistryTestServer registry,
        string slot,
        Func<ConnectorEnvironment, IConnectorWorker> create,
        Func<long, Task<bool>> step
    )
    {
        var port = fixture.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_PG_PORT", port);
        Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_REGISTRY_URL", registry.Url);
        try
        {
            using var environment = new ConnectorEnvironment();
            var worker = create(environment);
            using var stop = new CancellationTokenSource();
            var run = worker.RunAsync(stop.Token);
            var done = await StepAsync(worker, run, step);
            await stop.CancelAsync();
            await run;
            Assert.True(done, $"the worker processed {worker.RecordsProcessed} records");
        }
        finally
        {
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_PG_PORT", null);
            Environment.SetEnvironmentVariable("KCONNECTOR_SPEC_REGISTRY_URL", null);
            await fixture.Server.ExecuteAsync(
                $"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '{slot}' AND NOT active"
            );
        }
    }

    private static async Task<bool> StepAsync(
        IConnectorWorker worker,
        Task run,
        Func<long, Task<bool>> step
    )
    {
        var started = DateTime.UtcNow;
        long stepped = -1;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(60) && !run.IsCompleted)
        {
            var processed = worker.RecordsProcessed;
            if (processed != stepped)
            {
                stepped = processed;
                if (await step(processed))
                {
                    return true;
                }
            }
            await Task.Delay(100);
        }
        return false;
    }
}

// A worker process for the Redis stream source's SIGKILL test: the spec's generated worker in
// standalone mode (an offsets file), run until the process is killed.
//   <bootstrap.servers> <redis.uri> <offset.storage.file.filename>
using KConnector.Connectors;
using KConnector.Connectors.Redis.TestHost;

using var environment = new ConnectorEnvironment();
var worker = new CustomersFromRedisKilledWorker(
    CustomersFromRedisKilledConfig.Parse(
        new Dictionary<string, string?>(CustomersFromRedisKilledConfig.SpecValues)
        {
            ["bootstrap.servers"] = args[0],
            ["redis.uri"] = args[1],
            ["offset.storage.file.filename"] = args[2],
            ["offset.flush.interval.ms"] = "200",
        }
    ),
    environment
);
Console.WriteLine("STARTED");
await worker.RunAsync(CancellationToken.None).ConfigureAwait(false);

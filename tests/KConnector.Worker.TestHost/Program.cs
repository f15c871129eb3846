// A worker process for the SIGKILL reliability test: one source connector ("seq-source") writing
// per-partition sequences to a topic, with offsets in a standalone offsets file.
// Usage: KConnector.Worker.TestHost <bootstrap.servers> <offsets file> <topic> <partitions> <per partition>
using System.Globalization;
using KConnector.Converters;
using KConnector.Hosting;
using KConnector.Worker.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(
    new Dictionary<string, string?>
    {
        ["worker:bootstrap.servers"] = args[0],
        ["worker:offset.storage.file.filename"] = args[1],
        ["worker:offset.flush.interval.ms"] = "200",
        ["connectors:seq:name"] = "seq-source",
        ["connectors:seq:tasks.max"] = "1",
    }
);
var topic = args[2];
var partitions = int.Parse(args[3], CultureInfo.InvariantCulture);
var perPartition = int.Parse(args[4], CultureInfo.InvariantCulture);
var holder = new CountingSourceTaskHolder();
builder.Services.AddSingleton(holder);
builder.Services.AddKConnectorWorker(builder.Configuration.GetSection("worker"));
builder.Services.AddSourceConnector(
    builder.Configuration.GetSection("connectors:seq"),
    (_, _) =>
        holder.Task = new CountingSourceTask(
            topic,
            partitions,
            perPartition,
            batchSize: 20,
            TimeSpan.FromMilliseconds(5)
        ),
    _ => new StringConverter(),
    _ => new StringConverter()
);
builder.Services.AddHostedService<CompletionWatcher>();
await builder.Build().RunAsync().ConfigureAwait(false);

// A worker process for the SIGKILL reliability tests.
//   source <bootstrap.servers> <offsets file> <topic> <partitions> <per partition>
//     one source connector ("seq-source") writing per-partition sequences, offsets in a file;
//     stops cleanly (printing DONE) once everything it polled is acknowledged.
//   sink <bootstrap.servers> <topic> <output file>
//     one sink connector ("seq-sink") appending values to a file; runs until killed.
//   distributed <bootstrap.servers> <group.id> <topic prefix> <sink folder> <rebalance delay ms> [exactly.once.source.support]
//     a distributed worker (DistributedHost).
using System.Globalization;
using KConnector.Converters;
using KConnector.Hosting;
using KConnector.Worker.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (args[0] == "distributed")
{
    await DistributedHost.RunAsync(args).ConfigureAwait(false);
    return;
}
var builder = Host.CreateApplicationBuilder();
if (args[0] == "sink")
{
    builder.Configuration.AddInMemoryCollection(
        new Dictionary<string, string?>
        {
            ["worker:bootstrap.servers"] = args[1],
            ["worker:offset.flush.interval.ms"] = "200",
            ["worker:consumer.session.timeout.ms"] = "6000",
            ["worker:consumer.max.poll.records"] = "50",
            ["connectors:seq:name"] = "seq-sink",
            ["connectors:seq:topics"] = args[2],
        }
    );
    builder.Services.AddKConnectorWorker(builder.Configuration.GetSection("worker"));
    builder.Services.AddSinkConnector(
        builder.Configuration.GetSection("connectors:seq"),
        (_, _) => new FileAppendSinkTask(args[3], TimeSpan.FromMilliseconds(20)),
        _ => new StringConverter(),
        _ => new StringConverter()
    );
}
else
{
    builder.Configuration.AddInMemoryCollection(
        new Dictionary<string, string?>
        {
            ["worker:bootstrap.servers"] = args[1],
            ["worker:offset.storage.file.filename"] = args[2],
            ["worker:offset.flush.interval.ms"] = "200",
            ["connectors:seq:name"] = "seq-source",
            ["connectors:seq:tasks.max"] = "1",
        }
    );
    var topic = args[3];
    var partitions = int.Parse(args[4], CultureInfo.InvariantCulture);
    var perPartition = int.Parse(args[5], CultureInfo.InvariantCulture);
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
}
await builder.Build().RunAsync().ConfigureAwait(false);

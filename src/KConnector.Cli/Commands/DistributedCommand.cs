using System.CommandLine;
using KConnector.Cli.Running;

namespace KConnector.Cli.Commands;

/// <summary>
/// <c>kconnector distributed worker.properties</c>: a distributed worker, as Kafka Connect's
/// <c>connect-distributed worker.properties</c>: it joins the workers of its <c>group.id</c>,
/// serves the REST API on its <c>listeners</c> and runs its share of the connectors created over
/// REST (on any worker of the group), until Ctrl+C, SIGINT or SIGTERM (docs/distributed.md).
/// </summary>
internal static class DistributedCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var worker = new Argument<FileInfo>("worker")
        {
            Description =
                "The worker config (.properties, no connector.class) with group.id, bootstrap.servers, config.storage.topic, offset.storage.topic, status.storage.topic and listeners, as connect-distributed takes it.",
        };
        var set = new Option<string[]>("--set", "-s")
        {
            Description = "key=value (repeatable): a worker key over the file's.",
            AllowMultipleArgumentsPerToken = false,
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also print the worker's information logs.",
        };
        var command = new Command(
            "distributed",
            "Run a distributed worker (Kafka Connect's distributed mode): the workers of one group.id share the connectors created over the REST API; clean stop on Ctrl+C, SIGINT and SIGTERM."
        )
        {
            worker,
            set,
            verbose,
        };
        command.SetAction(
            (parse, cancellationToken) =>
                new DistributedRun(
                    parse.GetValue(worker)!,
                    parse.GetValue(set) ?? [],
                    parse.GetValue(verbose),
                    output,
                    error
                ).RunAsync(cancellationToken)
        );
        return command;
    }
}

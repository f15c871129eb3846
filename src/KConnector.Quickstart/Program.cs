using System.Globalization;
using KConnector.Errors;
using KConnector.Quickstart;

// The quickstart (issue 7): orders.jsonl (some lines malformed) -> file source -> Avro -> embedded
// Kafka -> SQLite sink; malformed lines -> the dead-letter queue. The connectors are the two specs
// orders-file-source.connector.json and orders-sqlite-sink.connector.json (and order.avsc): the
// generator compiled them into workers that OrdersPipeline hosts. This file shows the progress,
// the summary and the self-check.
// The file shipped in the repository (./build.sh demo runs from its root), else the build's copy.
var shipped = Path.Combine("src", "KConnector.Quickstart", "orders.jsonl");
var orders =
    args.Length > 0 ? args[0]
    : File.Exists(shipped) ? shipped
    : Path.Combine(AppContext.BaseDirectory, "orders.jsonl");
var output = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("artifacts", "demo"));
var shown = Path.GetRelativePath(Environment.CurrentDirectory, output);

Console.WriteLine("KConnector quickstart: orders.jsonl -> file source -> Avro -> Kafka -> SQLite");
Console.WriteLine("                       malformed lines -> dead-letter queue 'orders-dlq'");
Console.WriteLine();
Console.WriteLine(
    "WARNING: no bootstrap.servers given, so this runs on an EMBEDDED Kafka cluster (librdkafka's"
);
Console.WriteLine(
    "         mock cluster) inside this process. Its data is NOT durable: it is gone when the run ends."
);
Console.WriteLine();
Console.WriteLine(
    $"connectors: {OrdersPipeline.SourceName} (orders-file-source.connector.json) -> topic '{OrdersPipeline.Topic}' -> {OrdersPipeline.SinkName} (orders-sqlite-sink.connector.json)"
);
Console.WriteLine($"reading {orders}");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var result = await OrdersPipeline.RunAsync(
    orders,
    output,
    p =>
        Console.WriteLine(
            $"  {p.Elapsed.TotalSeconds, 5:F1}s  read {p.Read, 6:N0} / {p.Lines:N0}   written {p.Written, 6:N0}   dead-lettered {p.DeadLettered, 3:N0}"
        ),
    cancellationToken: stop.Token
);
var final = result.Final;
var seconds = Math.Max(final.Elapsed.TotalSeconds, 0.001);

Console.WriteLine();
Console.WriteLine("Summary");
Console.WriteLine($"  lines read        : {final.Read:N0} (of {final.Lines:N0} in the file)");
Console.WriteLine(
    $"  orders written    : {final.Written:N0} (table '{OrdersPipeline.Table}' in {Path.Combine(shown, "orders.db")})"
);
Console.WriteLine(
    $"  dead-lettered     : {final.DeadLettered:N0} (topic '{OrdersPipeline.DeadLetterTopic}', copied to {Path.Combine(shown, "orders-dlq.jsonl")})"
);
Console.WriteLine(
    $"  elapsed           : {seconds:F2} s ({(final.Read / seconds).ToString("N0", CultureInfo.InvariantCulture)} lines/s end to end)"
);
if (result.DeadLetters.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine(
        "Why each dead letter was rejected (header __connect.errors.exception.message):"
    );
    foreach (var letter in result.DeadLetters)
    {
        var message = letter.Header(DeadLetterQueueHeaders.ExceptionMessage) ?? "(no message)";
        // The file source's messages start with the file's path: shown once above.
        var cut = message.IndexOf(", line at byte ", StringComparison.Ordinal);
        Console.WriteLine($"  {(cut >= 0 ? message[(cut + 2)..] : message)}");
    }
}
Console.WriteLine();
Console.WriteLine("Look at the results:");
Console.WriteLine(
    $"  sqlite3 -header -column {Path.Combine(shown, "orders.db")} 'select * from {OrdersPipeline.Table} order by order_id limit 5; select count(*) as orders, round(sum(quantity * unit_price), 2) as revenue from {OrdersPipeline.Table};'"
);
Console.WriteLine($"  head -3 {Path.Combine(shown, "orders-dlq.jsonl")}");

var problems = result.Problems();
if (problems.Count > 0)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("The quickstart's self-check FAILED:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"  - {problem}");
    }
    return 1;
}
Console.WriteLine();
Console.WriteLine(
    "Self-check passed: every line is either in the table or in the dead-letter queue, once."
);
return 0;

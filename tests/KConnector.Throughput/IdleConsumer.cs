using System.Diagnostics;
using Confluent.Kafka;

namespace KConnector.Throughput;

/// <summary>
/// What a consumer whose prefetch queue is full costs while its application reads nothing (a sink
/// whose put is slow): <c>--idle [seconds]</c> fills a topic, reads one record, then counts the
/// process's CPU over the idle seconds. librdkafka re-checks each partition every
/// <c>fetch.queue.backoff.ms</c> then, so this is the price of the worker's short backoff
/// (compare with <c>KCONNECTOR_HARNESS_CONSUMER=fetch.queue.backoff.ms=1000</c>).
/// </summary>
internal static class IdleConsumer
{
    public static async Task<int> Run(HarnessSettings settings, int seconds)
    {
        using var cluster = ClusterProcess.Start();
        var loops = new Loops(cluster.BootstrapServers, settings, "idle");
        cluster.CreateTopic("idle", settings.Partitions);
        loops.RawProducer("idle");
        var config = new ConsumerConfig(new Dictionary<string, string>(HarnessSettings.Consumer))
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "idle-" + Guid.NewGuid().ToString("N"),
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe("idle");
        while (consumer.Consume(TimeSpan.FromSeconds(10)) is null or { IsPartitionEOF: true }) { }
        // Let the prefetch queue fill up before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        Console.WriteLine(
            $"idle consumer, queue full, {seconds} s: {cpu.TotalMilliseconds / seconds:F1} CPU ms per second ({string.Join(';', HarnessSettings.Consumer.Select(p => p.Key + '=' + p.Value))}), load {Report.LoadAverage()}"
        );
        consumer.Close();
        return 0;
    }
}

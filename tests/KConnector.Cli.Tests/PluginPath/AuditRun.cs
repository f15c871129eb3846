using System.Text.Json;
using Confluent.Kafka;

namespace KConnector.Cli.Tests.PluginPath;

/// <summary>
/// The pieces the plugin.path tests share: a worker file naming <see cref="AcmePlugin"/>'s folder,
/// a spec of the plugin's AuditSink reading Caesar-shifted values through the plugin's converter and
/// its Shout transformation, the records written to the topic and the lines the sink writes.
/// </summary>
public static class AuditRun
{
    /// <summary>The letters' shift of the topic's values (<c>value.converter.shift</c>).</summary>
    public const int Shift = 3;

    /// <summary>The worker config: <c>plugin.path</c> and <paramref name="more"/> lines.</summary>
    public static string Worker(SpecFolder folder, params string[] more) =>
        folder.Write(
            "worker.properties",
            string.Join(
                '\n',
                [
                    "plugin.path=" + AcmePlugin.PluginPath,
                    "offset.storage.file.filename=" + folder.File("audit.offsets"),
                    .. more,
                ]
            ) + "\n"
        );

    /// <summary>The connector's config, as a spec gives it and as POST /connectors takes it.</summary>
    public static Dictionary<string, string> Config(string topic, string auditFile, int shift) =>
        new()
        {
            ["connector.class"] = "AuditSink",
            ["topics"] = topic,
            ["audit.prefix"] = "acme",
            ["audit.file"] = auditFile,
            ["key.converter"] = "org.apache.kafka.connect.storage.StringConverter",
            ["value.converter"] = "Caesar",
            ["value.converter.shift"] = shift.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            ),
            ["transforms"] = "shout",
            ["transforms.shout.type"] = "Shout",
            ["transforms.shout.suffix"] = "!",
        };

    /// <summary>A spec of <see cref="Config"/> named <paramref name="name"/>.</summary>
    public static string Spec(SpecFolder folder, string name, Dictionary<string, string> config) =>
        folder.Write(name + ".connector.json", JsonSerializer.Serialize(new { name, config }));

    /// <summary>Writes order-0...order-(count-1), Caesar-shifted, to <paramref name="topic"/>.</summary>
    public static void Produce(string bootstrapServers, string topic, int count)
    {
        using var producer = new ProducerBuilder<Null, string>(
            new ProducerConfig { BootstrapServers = bootstrapServers }
        ).Build();
        for (var n = 0; n < count; n++)
        {
            producer.Produce(topic, new Message<Null, string> { Value = Shifted("order-" + n) });
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
    }

    /// <summary>What the sink writes for order-0...: decoded, shouted, prefixed.</summary>
    public static IEnumerable<string> Expected(int count) =>
        Enumerable.Range(0, count).Select(n => $"acme:ORDER-{n}!");

    /// <summary>The lines of <paramref name="file"/> so far.</summary>
    public static IReadOnlyList<string> Lines(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllLines(file) : [];
        }
        catch (IOException)
        {
            return []; // being written: read again
        }
    }

    private static string Shifted(string text) =>
        string.Concat(
            text.Select(c => c is >= 'a' and <= 'z' ? (char)('a' + (c - 'a' + Shift) % 26) : c)
        );
}

using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Hosting;

namespace KConnector.Rest.Server;

/// <summary>
/// Keeps the connectors created over REST in one JSON file (<c>config.storage.file.filename</c>),
/// as Kafka Connect's standalone worker keeps its offsets in a file: rewritten whole to a temporary
/// file and moved over the old one, so a crash leaves the old or the new, never half. The file
/// holds the configs as given, secrets too, so it is made readable by its owner only.
/// </summary>
internal sealed class FileConnectorConfigStore(string path) : IConnectorConfigStore
{
    private readonly Lock _writing = new();

    public string FilePath { get; } = Path.GetFullPath(path);

    /// <inheritdoc/>
    public IReadOnlyList<StoredConnector> Load()
    {
        lock (_writing)
        {
            return File.Exists(FilePath) ? Read() : [];
        }
    }

    /// <inheritdoc/>
    public void Save(StoredConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        lock (_writing)
        {
            var all = (File.Exists(FilePath) ? Read() : []).Where(c => c.Name != connector.Name);
            Write([.. all, connector]);
        }
    }

    /// <inheritdoc/>
    public void Remove(string name)
    {
        lock (_writing)
        {
            if (File.Exists(FilePath))
            {
                Write([.. Read().Where(c => c.Name != name)]);
            }
        }
    }

    private List<StoredConnector> Read() =>
        WorkerStateFile.Read(
            FilePath,
            "connector configs",
            "config.storage.file.filename",
            root =>
                root.Select(entry =>
                    {
                        var body = entry.Value!.AsObject();
                        var config = body["config"]!
                            .AsObject()
                            .ToDictionary(
                                kv => kv.Key,
                                kv => kv.Value!.GetValue<string>(),
                                StringComparer.Ordinal
                            );
                        var state = Enum.Parse<TargetState>(body["state"]!.GetValue<string>());
                        return new StoredConnector(entry.Key, config, state);
                    })
                    .ToList()
        );

    private void Write(IReadOnlyList<StoredConnector> connectors)
    {
        var root = new JsonObject();
        foreach (var connector in connectors.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var config = new JsonObject();
            foreach (
                var (key, value) in connector.Config.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            )
            {
                config[key] = value;
            }
            root[connector.Name] = new JsonObject
            {
                ["state"] = connector.State.ToString(),
                ["config"] = config,
            };
        }
        WorkerStateFile.Write(
            FilePath,
            root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            ownerOnly: true
        );
    }
}

using KConnector.Hosting;

namespace KConnector.Rest;

/// <summary>
/// Where connectors created over REST are kept so that they survive a restart of the worker, as
/// Kafka Connect keeps them in its config topic (distributed) or, for KConnector's standalone
/// worker, a file (<c>config.storage.file.filename</c>).
/// </summary>
public interface IConnectorConfigStore
{
    /// <summary>Every connector kept, with its config and target state.</summary>
    IReadOnlyList<StoredConnector> Load();

    /// <summary>Keeps (or replaces) a connector's config and target state; durable when it returns.</summary>
    void Save(StoredConnector connector);

    /// <summary>Forgets a connector.</summary>
    void Remove(string name);
}

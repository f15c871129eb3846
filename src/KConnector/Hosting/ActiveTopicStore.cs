using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace KConnector.Hosting;

/// <summary>
/// Kafka Connect's active topics (KIP-558) per connector: the topics its source tasks wrote to
/// (after transforms) and its sink tasks read from. Connect keeps them in its status store; a
/// standalone KConnector worker keeps them in a file beside its connector configs
/// (<c>{config.storage.file.filename}.topics</c>), so that they survive a restart, and in memory
/// only without one. A topic is written to the file once, when first used: recording a topic
/// already known is a dictionary lookup on the record's path.
/// </summary>
internal sealed partial class ActiveTopicStore : IActiveTopicStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byConnector =
        new(StringComparer.Ordinal);
    private readonly Lock _writing = new();
    private readonly string? _file;
    private readonly ILogger _logger;

    public ActiveTopicStore(string? file, ILogger logger)
    {
        _file = string.IsNullOrEmpty(file) ? null : Path.GetFullPath(file);
        _logger = logger;
        if (_file is not null && File.Exists(_file))
        {
            Read(_file);
        }
    }

    /// <summary>The file the topics are kept in, or null when they live in memory only.</summary>
    public string? FilePath => _file;

    /// <inheritdoc/>
    public Action<string> RecorderFor(string connector, int task)
    {
        var topics = TopicsOf(connector);
        return topic =>
        {
            if (!topics.ContainsKey(topic) && topics.TryAdd(topic, 0))
            {
                Save();
            }
        };
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Get(string connector) =>
        _byConnector.TryGetValue(connector, out var topics)
            ? [.. topics.Keys.Order(StringComparer.Ordinal)]
            : [];

    /// <inheritdoc/>
    public void Reset(string connector)
    {
        if (_byConnector.TryGetValue(connector, out var topics) && !topics.IsEmpty)
        {
            topics.Clear();
            Save();
        }
    }

    /// <summary>Forgets a deleted connector's topics (a standalone worker removes a connector only when it is deleted).</summary>
    public void Remove(string connector)
    {
        if (_byConnector.TryRemove(connector, out _))
        {
            Save();
        }
    }

    private ConcurrentDictionary<string, byte> TopicsOf(string connector) =>
        _byConnector.GetOrAdd(connector, _ => new(StringComparer.Ordinal));

    private void Read(string file) =>
        WorkerStateFile.Read(
            file,
            "active topics",
            "beside config.storage.file.filename",
            root =>
            {
                foreach (var (connector, topics) in root)
                {
                    var set = TopicsOf(connector);
                    foreach (var topic in topics!.AsArray())
                    {
                        set.TryAdd(topic!.GetValue<string>(), 0);
                    }
                }
            }
        );

    // Called on a producer's delivery thread or a consumer's loop: a disk that refuses the write
    // is logged and the topics stay known in memory; the record itself is never failed for it.
    private void Save()
    {
        if (_file is null)
        {
            return;
        }
        lock (_writing)
        {
            var root = new JsonObject();
            foreach (
                var (connector, topics) in _byConnector.OrderBy(
                    kv => kv.Key,
                    StringComparer.Ordinal
                )
            )
            {
                root[connector] = new JsonArray([
                    .. topics.Keys.Order(StringComparer.Ordinal).Select(t => JsonValue.Create(t)),
                ]);
            }
            try
            {
                WorkerStateFile.Write(_file, root.ToJsonString(), ownerOnly: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotSaved(_logger, _file, e.Message);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The active topics could not be written to {File}: {Reason}; they are kept in memory"
    )]
    private static partial void LogNotSaved(ILogger logger, string file, string reason);
}

using KConnector.Configuration.Framework;
using KConnector.Worker;

namespace KConnector.Hosting;

// Kafka Connect's topic tracking (KIP-558): every task reports the topics of its records
// (WorkerOptions.TopicUsed); topic.tracking.enable turns it off, topic.tracking.allow.reset
// refuses resets. A standalone worker keeps them in a file; a distributed one in the status topic.
public sealed partial class ConnectWorker
{
    private IActiveTopicStore? _activeTopics;
    private TopicTracking? _topicTracking;

    private sealed record TopicTracking(bool Enabled, bool AllowReset);

    private TopicTracking TrackingSettings => _topicTracking ??= ReadTopicTracking();

    private TopicTracking ReadTopicTracking()
    {
        var parsed = WorkerConfigDefinition.Definition.Parse(
            new Dictionary<string, string?>
            {
                [ConnectorConfig.TopicTrackingEnableKey] = WorkerSetting(
                    ConnectorConfig.TopicTrackingEnableKey
                ),
                [ConnectorConfig.TopicTrackingAllowResetKey] = WorkerSetting(
                    ConnectorConfig.TopicTrackingAllowResetKey
                ),
            }
        );
        var issues = parsed
            .Issues.Where(i => i.Key.StartsWith("topic.tracking.", StringComparison.Ordinal))
            .ToList();
        if (issues.Count > 0)
        {
            throw new Configuration.ConfigValidationException("worker", issues);
        }
        return new TopicTracking(
            parsed.Get<bool>(ConnectorConfig.TopicTrackingEnableKey),
            parsed.Get<bool>(ConnectorConfig.TopicTrackingAllowResetKey)
        );
    }

    private string? WorkerSetting(string key) =>
        _options.Settings.TryGetValue(key, out var value) ? value : null;

    // Beside the connector configs a standalone worker keeps (config.storage.file.filename),
    // unless its owner (a distributed worker) gave it another store first.
    private IActiveTopicStore ActiveTopics
    {
        get
        {
            if (_activeTopics is { } store)
            {
                return store;
            }
            var configs = WorkerSetting(ConnectorConfig.ConfigStorageFileNameKey);
            var created = new ActiveTopicStore(
                string.IsNullOrEmpty(configs) ? null : configs + ".topics",
                _logger
            );
            return Interlocked.CompareExchange(ref _activeTopics, created, null) ?? created;
        }
    }

    // A distributed worker's store (the status topic), given before any task starts.
    internal void UseActiveTopicStore(IActiveTopicStore store) =>
        Interlocked.Exchange(ref _activeTopics, store);

    /// <summary>
    /// Throws Kafka Connect's 403 messages when the worker's keys refuse a read
    /// (<c>topic.tracking.enable=false</c>) or a reset (<c>topic.tracking.allow.reset=false</c>).
    /// </summary>
    internal void CheckTopicTracking(bool reset)
    {
        if (!TrackingSettings.Enabled)
        {
            throw new TopicTrackingDisabledException();
        }
        if (reset && !TrackingSettings.AllowReset)
        {
            throw new TopicTrackingDisabledException("Topic tracking reset is disabled.");
        }
    }

    internal bool TopicTrackingEnabled => TrackingSettings.Enabled;

    // What a new task of the connector calls with each record's topic; null when tracking is off.
    private Action<string>? TopicRecorder(string connector, int task) =>
        TrackingSettings.Enabled ? ActiveTopics.RecorderFor(connector, task) : null;

    /// <inheritdoc/>
    public IReadOnlyList<string> GetActiveTopics(string connector)
    {
        CheckTopicTracking(reset: false);
        _ = Find(connector);
        return ActiveTopics.Get(connector);
    }

    /// <inheritdoc/>
    public void ResetActiveTopics(string connector)
    {
        CheckTopicTracking(reset: true);
        _ = Find(connector);
        ActiveTopics.Reset(connector);
    }

    // A deleted connector's topics go with it (a connector created again under its name starts
    // with none).
    private void ForgetActiveTopics(string connector)
    {
        if (TrackingSettings.Enabled)
        {
            ActiveTopics.Remove(connector);
        }
    }
}

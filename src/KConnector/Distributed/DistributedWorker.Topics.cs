using KConnector.Hosting;

namespace KConnector.Distributed;

// Kafka Connect's active topics (KIP-558) on distributed workers: tasks record them in the status
// topic (StatusTopicActiveTopics), so GET /connectors/{name}/topics answers the union on every
// worker and PUT /connectors/{name}/topics/reset writes the tombstones from any worker, as
// Connect's AbstractHerder; topic.tracking.enable and topic.tracking.allow.reset refuse them with
// Connect's 403 messages.
public sealed partial class DistributedWorker
{
    private StatusTopicActiveTopics? _activeTopics;

    // Given to the local worker before any task starts (the constructor).
    private void TrackTopicsInStatusTopic()
    {
        _activeTopics = new StatusTopicActiveTopics(StatusStore, _logger);
        Worker.UseActiveTopicStore(_activeTopics);
    }

    IReadOnlyList<string> IConnectorController.GetActiveTopics(string connector)
    {
        Worker.CheckTopicTracking(reset: false);
        _ = ConfigOf(connector);
        return _activeTopics!.Get(connector);
    }

    void IConnectorController.ResetActiveTopics(string connector)
    {
        Worker.CheckTopicTracking(reset: true);
        _ = ConfigOf(connector);
        _activeTopics!.Reset(connector);
    }

    // Connect resets a deleted connector's topics once the worker that ran it stopped it, so a
    // connector created again under the name starts with none.
    private void ForgetDeletedConnectorTopics(string connector)
    {
        if (Worker.TopicTrackingEnabled)
        {
            _activeTopics!.Reset(connector);
        }
    }
}

namespace KConnector.Distributed;

/// <summary>
/// A topic a connector's task used (KIP-558), as Kafka Connect's status topic holds it: key
/// <c>status-topic-TOPIC:connector-NAME</c>, value
/// {"topic":{"name":..,"connector":..,"task":..,"discoverTimestamp":..}} (the time, in Unix
/// milliseconds, the task first wrote to or read from the topic).
/// </summary>
public sealed record TopicStatus(string Topic, string Connector, int Task, long DiscoverTimestamp);

namespace KConnector.Distributed;

/// <summary>
/// A request to restart a connector and, with <see cref="IncludeTasks"/>, its tasks (only the
/// FAILED ones with <see cref="OnlyFailed"/>), as Kafka Connect's config topic carries it under
/// <c>restart-connector-NAME</c> (KIP-745): every worker restarts what it runs of it.
/// </summary>
public sealed record RestartRequest(string Connector, bool IncludeTasks, bool OnlyFailed);

namespace KConnector.Connectors.Sql.Sink;

/// <summary>
/// A connection to the database could not be opened: whatever the driver calls it (a refused
/// socket, a timeout, a failed login), the target's fault and never a record's.
/// </summary>
internal sealed class SqlConnectionFailedException(Exception inner)
    : Exception(inner.Message, inner);

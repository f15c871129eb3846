namespace KConnector.Tasks;

/// <summary>What a source task asked of its open transaction through its <see cref="TransactionContext"/>.</summary>
internal enum TransactionRequest
{
    None,
    Commit,
    Abort,
}

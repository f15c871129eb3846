using KConnector.Records;

namespace KConnector.Connectors.Benchmarks;

/// <summary>A database the SQL sink and its hand-written peer write the same rows into.</summary>
/// <param name="Name">What the figures are labelled with.</param>
/// <param name="JdbcUrl">The sink's connection.url.</param>
/// <param name="User">The sink's connection.user.</param>
/// <param name="Password">The sink's connection.password (a test server's).</param>
/// <param name="Execute">Runs a statement (the table's TRUNCATE).</param>
/// <param name="Scalar">Runs a query for one value (the row count).</param>
/// <param name="Baseline">The hand-written loop: rows, batch.size -> elapsed.</param>
internal sealed record SinkTarget(
    string Name,
    string JdbcUrl,
    string User,
    string? Password,
    Func<string, Task> Execute,
    Func<string, Task<object?>> Scalar,
    Func<SinkRecord<string, BenchOrder>[], int, Task<TimeSpan>> Baseline
)
{
    /// <summary>The records the worker hands one put (max.poll.records' default).</summary>
    public const int PutSize = 500;
}

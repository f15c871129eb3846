namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// The value schemas a spec declares per table (its <c>table.value.schemas</c>): the generator
/// writes one such class per spec, and the task's value type
/// <see cref="DeclaredChangeRecord{TTables}"/> names it, so the declared schemas reach the task and
/// its converter through the type alone.
/// </summary>
public interface IDeclaredTables
{
    /// <summary>Each declared table with the schema of its rows.</summary>
    static abstract IReadOnlyList<DeclaredTableSchema> Tables { get; }
}

using KConnector.Connectors.PostgreSql.Avro;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// What the task needs of a declared value type it cannot name generically: the declared tables
/// and how to wrap a change. Set by <see cref="DeclaredChangeRecord{TTables}"/>'s static
/// constructor, which the task runs (no reflection: AOT-safe).
/// </summary>
internal static class DeclaredBinding<TValue>
{
    public static Binding? Current { get; set; }

    /// <summary>The binding of <typeparamref name="TValue"/>, or null when it is not a declared change type.</summary>
    public static Binding? Find()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(
            typeof(TValue).TypeHandle
        );
        return Current;
    }

    internal sealed record Binding(
        IReadOnlyList<DeclaredTableSchema> Tables,
        Func<ChangeRecord, TValue> Wrap
    );
}

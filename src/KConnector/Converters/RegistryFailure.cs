using KConnector.Errors;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// What a converter throws when the Schema Registry fails it: a
/// <see cref="DependencyUnavailableException"/> when the registry itself could not answer
/// (<see cref="SchemaRegistryException.IsUnavailable"/>: the worker waits and keeps the record), a
/// <see cref="DataException"/> naming the topic otherwise (an unknown id, an incompatible or invalid
/// schema: this record's problem, under <c>errors.tolerance</c>).
/// </summary>
internal static class RegistryFailure
{
    /// <summary>The dependency's name in logs and status.</summary>
    internal const string Dependency = "the Schema Registry";

    /// <summary>The exception for <paramref name="error"/>; <paramref name="what"/> says what the converter was doing, naming the topic.</summary>
    public static Exception For(SchemaRegistryException error, string what) =>
        error.IsUnavailable
            ? new DependencyUnavailableException(Dependency, $"{what}: {error.Message}", error)
            : new DataException($"{what}: {error.Message}", error);
}

using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A connector that ships with KConnector, as the generator knows it: the names a spec may give in
/// <c>connector.class</c>, its own config keys, and the code to emit. Adding a connector (SQL, HTTP)
/// is adding one row to <see cref="BuiltInConnectors"/>.
/// </summary>
/// <param name="ClassName">The canonical <c>connector.class</c>.</param>
/// <param name="Aliases">Other accepted names (Kafka Connect's short names).</param>
/// <param name="TaskType">The task's C# type, with {0} for the key type and {1} for the value type.</param>
/// <param name="TaskCreation">An expression building the task from <c>config</c> (the generated config class) and <c>logger</c>.</param>
/// <param name="TaskMetadataName">The task type's metadata name, to check that its package is referenced.</param>
/// <param name="Package">The package (assembly) to reference.</param>
/// <param name="ValueMustBeRecord">Whether the value type must be a generated record (e.g. to be written as JSON).</param>
/// <param name="TaskIsDisposable">Whether the generated worker disposes the task when it stops.</param>
/// <param name="KeyMayBeRecord">Whether key.schema may name a record; false: keys are strings.</param>
/// <param name="MapsRecords">
/// Whether the task maps records to columns or fields through <c>RecordAccessor</c>s: the generator
/// then emits one per record type and <paramref name="TaskCreation"/> gets {2} (the key's accessor)
/// and {3} (the value's).
/// </param>
/// <param name="SingleTask">
/// Whether it runs one task whatever its <c>tasks.max</c>: a source that reads one file, endpoint or
/// table cannot split its work (Kafka Connect's FileStreamSourceConnector returns one task config).
/// </param>
internal sealed record BuiltInConnector(
    string ClassName,
    EquatableArray<string> Aliases,
    ConnectorKind Kind,
    EquatableArray<ConfigKeyModel> Keys,
    string TaskType,
    string TaskCreation,
    string TaskMetadataName,
    string Package,
    bool ValueMustBeRecord,
    bool TaskIsDisposable,
    bool KeyMayBeRecord = true,
    bool MapsRecords = false,
    bool SingleTask = false
);

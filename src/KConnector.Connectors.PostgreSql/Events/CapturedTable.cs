namespace KConnector.Connectors.PostgreSql.Events;

/// <summary>
/// A captured table's shape at one point of the log: its columns in relation order and its
/// primary key (the record key, as Debezium takes it from the catalog, not from the replica
/// identity, which is every column under REPLICA IDENTITY FULL). A new relation message (an added
/// column) makes a new instance, so each event carries the shape it was written with.
/// </summary>
internal sealed class CapturedTable
{
    public CapturedTable(
        string schema,
        string name,
        IReadOnlyList<TableColumn> columns,
        IReadOnlyList<int> keyColumns,
        string topicPrefix
    )
    {
        Schema = schema;
        Name = name;
        Columns = columns;
        KeyColumns = keyColumns;
        Topic = topicPrefix + "." + schema + "." + name;
    }

    /// <summary>The table's schema (namespace).</summary>
    public string Schema { get; }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>The columns, in the order of the relation's tuples.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Indexes in <see cref="Columns"/> of the primary key's columns; empty: the table has none (null keys).</summary>
    public IReadOnlyList<int> KeyColumns { get; }

    /// <summary>The table's topic: <c>topic.prefix.schema.table</c>.</summary>
    public string Topic { get; }

    /// <summary>Indexes of every column (before and after hold them all).</summary>
    public IReadOnlyList<int> AllColumns => _all ??= [.. Enumerable.Range(0, Columns.Count)];

    private IReadOnlyList<int>? _all;

    /// <summary>The envelope's written schema, built once per table shape by <see cref="EnvelopeWriter"/>.</summary>
    internal byte[]? EnvelopeSchemaJson { get; set; }

    /// <summary>The envelope's Avro schema, built once per table shape.</summary>
    internal string? EnvelopeAvroSchema { get; set; }

    /// <summary>
    /// The declared row record this shape is written with (a spec's <c>table.value.schemas</c>),
    /// checked by the task against the shape's columns; null: the schema derived from the columns.
    /// </summary>
    internal Typed.DeclaredRowPlan? DeclaredRow { get; set; }

    /// <summary>Whether the task has looked for this shape's declared schema.</summary>
    internal bool DeclaredRowChecked { get; set; }

    /// <summary>The key's written schema.</summary>
    internal byte[]? KeySchemaJson { get; set; }
}

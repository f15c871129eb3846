using KConnector.Connectors.PostgreSql.Avro;
using KConnector.Converters;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>
/// A change event of a spec that declares its tables' value schemas: the task's value type then.
/// AvroConverter writes a declared table's <c>before</c> and <c>after</c> with the declared record
/// (registered inside the envelope under <c>&lt;topic&gt;-value</c>); the task checks each table's
/// columns against it before returning a change (see <see cref="DeclaredRowPlan"/>).
/// </summary>
/// <typeparam name="TTables">The generated class listing the declared tables.</typeparam>
public sealed class DeclaredChangeRecord<TTables>
    : IConverterFormatsProvider<DeclaredChangeRecord<TTables>>
    where TTables : IDeclaredTables
{
    static DeclaredChangeRecord() =>
        DeclaredBinding<DeclaredChangeRecord<TTables>>.Current = new(
            TTables.Tables,
            static record => new DeclaredChangeRecord<TTables>(record)
        );

    private DeclaredChangeRecord(ChangeRecord record) => Record = record;

    /// <summary>The change as the untyped road carries it.</summary>
    public ChangeRecord Record { get; }

    /// <summary>The table's topic.</summary>
    public string Topic => Record.Topic;

    /// <summary>Debezium's op code: c, u, d, r or t; null for a heartbeat.</summary>
    public string? Op => Record.Op;

    /// <summary>AvroConverter writes it, with the declared row schemas.</summary>
    public static ConverterFormats<DeclaredChangeRecord<TTables>> Formats { get; } =
        ConverterFormats.RuntimeSchemaAvro<DeclaredChangeRecord<TTables>>(
            static (registry, config) =>
                new DeclaredChangeConverter<TTables>(
                    new ChangeRecordAvroConverter(registry, config)
                )
        );
}

using KConnector.Connectors.PostgreSql.Avro;
using KConnector.Converters;
using KConnector.Errors;

namespace KConnector.Connectors.PostgreSql.Typed;

/// <summary>AvroConverter of <see cref="DeclaredChangeRecord{TTables}"/>: the change record's converter, which reads each table's checked declared row.</summary>
internal sealed class DeclaredChangeConverter<TTables>(ChangeRecordAvroConverter inner)
    : IConverter<DeclaredChangeRecord<TTables>>
    where TTables : IDeclaredTables
{
    public byte[]? FromConnectData(string topic, DeclaredChangeRecord<TTables>? value) =>
        inner.FromConnectData(topic, value?.Record);

    public DeclaredChangeRecord<TTables>? ToConnectData(string topic, byte[]? data) =>
        throw new DataException(
            $"Change events of topic '{topic}' are written by the PostgreSQL CDC source; read them with the generated <Table>ChangeEvent.FromAvro."
        );
}

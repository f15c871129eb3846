namespace KConnector.SchemaRegistry;

/// <summary>The parts of Confluent's Schema Registry API that converters need.</summary>
public interface ISchemaRegistryClient
{
    /// <summary>Registers <paramref name="schema"/> under <paramref name="subject"/> (or finds it) and returns its id.</summary>
    ValueTask<int> RegisterSchemaAsync(
        string subject,
        string schema,
        CancellationToken cancellationToken
    );

    /// <summary>Returns the schema text registered with <paramref name="id"/>.</summary>
    ValueTask<string> GetSchemaAsync(int id, CancellationToken cancellationToken);
}

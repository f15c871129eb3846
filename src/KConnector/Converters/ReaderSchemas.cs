using System.Collections.Concurrent;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// The writer schemas a deserializer meets, fetched once per id; an id the registry does not know
/// (or whose schema is of another format) is a <see cref="DataException"/> naming the topic and id.
/// </summary>
internal sealed class ReaderSchemas
{
    private readonly ISchemaRegistryClient _registry;
    private readonly SchemaType _type;
    private readonly ConcurrentDictionary<int, Schema> _byId = new();
    private Last? _last;

    public ReaderSchemas(ISchemaRegistryClient registry, SchemaType type)
    {
        _registry = registry;
        _type = type;
    }

    public Schema For(string topic, int id)
    {
        var last = _last;
        if (last is not null && last.Id == id)
        {
            return last.Schema;
        }
        if (!_byId.TryGetValue(id, out var schema))
        {
            try
            {
                schema = _registry
                    .GetSchemaByIdAsync(id, CancellationToken.None)
                    .AsTask()
                    .GetAwaiter()
                    .GetResult();
            }
            catch (SchemaRegistryException e)
            {
                throw RegistryFailure.For(
                    e,
                    $"Record from topic '{topic}' names schema id {id}, which the Schema Registry cannot give"
                );
            }
            if (schema.SchemaType != _type)
            {
                throw new DataException(
                    $"Record from topic '{topic}' names schema id {id}, a {schema.SchemaTypeName} schema; this converter reads {Schema.WireName(_type)}."
                );
            }
            _byId[id] = schema;
        }
        _last = new Last(id, schema);
        return schema;
    }

    private sealed record Last(int Id, Schema Schema);
}

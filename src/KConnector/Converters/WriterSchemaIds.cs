using System.Collections.Concurrent;
using KConnector.SchemaRegistry;

namespace KConnector.Converters;

/// <summary>
/// The schema id a serializer writes for each topic, as Confluent's serializers choose it:
/// <c>auto.register.schemas=true</c> registers the schema under the strategy's subject;
/// otherwise <c>use.latest.version=true</c> takes the subject's latest version, and else the
/// schema is looked up in the subject (and must be there). Each topic's id is resolved once; the
/// last topic is remembered in fields so that a steady stream to one topic costs a string compare.
/// </summary>
internal sealed class WriterSchemaIds
{
    private readonly ISchemaRegistryClient _registry;
    private readonly ConverterConfig _config;
    private readonly Schema _schema;
    private readonly string _recordName;
    private readonly ConcurrentDictionary<string, int> _byTopic = new(StringComparer.Ordinal);

    // One reference, so that a converter shared across threads never pairs a topic with another's id.
    private Last? _last;

    public WriterSchemaIds(
        ISchemaRegistryClient registry,
        ConverterConfig config,
        Schema schema,
        string recordName
    )
    {
        _registry = registry;
        _config = config;
        _schema = schema;
        _recordName = recordName;
    }

    public int For(string topic)
    {
        var last = _last;
        if (
            last is not null
            && (
                ReferenceEquals(topic, last.Topic)
                || string.Equals(topic, last.Topic, StringComparison.Ordinal)
            )
        )
        {
            return last.Id;
        }
        var id = _byTopic.GetOrAdd(topic, Resolve);
        _last = new Last(topic, id);
        return id;
    }

    private int Resolve(string topic)
    {
        var subject = SubjectName.For(
            _config.SubjectNameStrategy,
            topic,
            _config.IsKey,
            _recordName
        );
        try
        {
            if (_config.AutoRegisterSchemas)
            {
                return _registry
                    .RegisterSchemaAsync(subject, _schema, CancellationToken.None)
                    .AsTask()
                    .GetAwaiter()
                    .GetResult();
            }
            var found = _config.UseLatestVersion
                ? _registry.GetLatestSchemaAsync(subject, CancellationToken.None)
                : _registry.LookupSchemaAsync(subject, _schema, CancellationToken.None);
            return found.AsTask().GetAwaiter().GetResult().Id;
        }
        catch (SchemaRegistryException e)
        {
            var how =
                _config.AutoRegisterSchemas ? "register the schema under"
                : _config.UseLatestVersion ? "find the latest version of"
                : "find the schema (auto.register.schemas=false) under";
            throw RegistryFailure.For(e, $"Cannot {how} subject '{subject}' for topic '{topic}'");
        }
    }

    private sealed record Last(string Topic, int Id);
}

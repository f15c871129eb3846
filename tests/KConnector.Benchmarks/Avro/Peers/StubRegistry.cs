using System.Reflection;
using Confluent.SchemaRegistry;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>
/// A one-schema registry for Confluent's serdes, in process: every subject registers as id 1, and
/// id 1 is the schema it was made with. Each answer is made once and handed out again, as
/// Confluent's CachedSchemaRegistryClient hands out what it cached (the deserializer asks for the
/// writer's schema with every record and keys its parsed-schema cache on that answer). Confluent.SchemaRegistry 2.16 ships no mock client; only
/// what the serdes call at steady state (and once at first use) is answered, anything else throws
/// naming the member, so a serdes change that starts calling more cannot go unnoticed.
/// </summary>
public class StubRegistry : DispatchProxy
{
    private const int Id = 1;
    private readonly Dictionary<Type, object> _answers = [];
    private string _schema = "";

    /// <summary>Calls answered so far: the setup prints how many a steady-state record costs.</summary>
    public int Calls { get; private set; }

    public static ISchemaRegistryClient For(string schema)
    {
        var client = Create<ISchemaRegistryClient, StubRegistry>();
        ((StubRegistry)(object)client)._schema = schema;
        return client;
    }

    /// <summary>The stub behind <paramref name="client"/>.</summary>
    public static StubRegistry Of(ISchemaRegistryClient client) => (StubRegistry)(object)client;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod ?? throw new ArgumentNullException(nameof(targetMethod));
        Calls++;
        var returns = method.ReturnType;
        if (!_answers.TryGetValue(returns, out var answer))
        {
            _answers[returns] = answer = Answer(method, args);
        }
        return answer;
    }

    private object Answer(MethodInfo method, object?[]? args)
    {
        var returns = method.ReturnType;
        if (returns == typeof(Task<int>))
        {
            return Task.FromResult(Id);
        }
        if (returns == typeof(Task<Schema>))
        {
            return Task.FromResult(new Schema(_schema, SchemaType.Avro));
        }
        if (returns == typeof(Task<RegisteredSchema>))
        {
            return Task.FromResult(
                new RegisteredSchema(
                    args?.FirstOrDefault() as string ?? "subject",
                    1,
                    Id,
                    _schema,
                    SchemaType.Avro,
                    []
                )
            );
        }
        if (
            returns.IsGenericType
            && returns.GetGenericTypeDefinition() == typeof(Task<>)
            && returns.GetGenericArguments()[0] is { IsGenericType: true } list
            && list.GetGenericTypeDefinition() == typeof(List<>)
        )
        {
            // Lists (e.g. a subject's associations, asked per subject name): none.
            return typeof(Task)
                .GetMethod(nameof(Task.FromResult))!
                .MakeGenericMethod(list)
                .Invoke(null, [Activator.CreateInstance(list)])!;
        }
        if (method.Name == "get_MaxCachedSchemas")
        {
            return 1000;
        }
        if (method.Name == "Dispose")
        {
            return true;
        }
        throw new NotSupportedException(
            $"The benchmark's registry stub does not answer {method.Name}."
        );
    }
}

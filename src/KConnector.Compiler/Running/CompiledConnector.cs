using System.Reflection;
using KConnector.Configuration;
using KConnector.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KConnector.Compiler.Running;

/// <summary>
/// A connector the generator wrote for a spec, found in the assembly compiled at run time: its
/// <c>{Name}Config</c> (the spec's values and the key definitions) and the generated
/// <c>Add{Name}Connector</c> a host calls, which <see cref="Register"/> calls too, so that
/// <c>kconnector run</c> takes the hosted worker's road from a validated config to running tasks.
/// Reflection is the price of compiling specs at run time; a project that references KConnector
/// calls the same members directly.
/// </summary>
internal sealed class CompiledConnector
{
    private readonly MethodInfo _addConnector;
    private readonly MethodInfo _validate;

    private CompiledConnector(
        MethodInfo addConnector,
        MethodInfo validate,
        ConfigDefinition definition,
        IReadOnlyDictionary<string, string?> specValues
    )
    {
        _addConnector = addConnector;
        _validate = validate;
        Definition = definition;
        SpecValues = specValues;
    }

    /// <summary>The spec's <c>name</c>.</summary>
    public string Name =>
        SpecValues.TryGetValue("name", out var name) && name is not null
            ? name
            : Definition.ConnectorClass;

    /// <summary>The connector's keys: the framework's and its own.</summary>
    public ConfigDefinition Definition { get; }

    /// <summary>The values the spec gives.</summary>
    public IReadOnlyDictionary<string, string?> SpecValues { get; }

    /// <summary>Every connector compiled into <paramref name="assembly"/>, by spec name.</summary>
    public static IReadOnlyList<CompiledConnector> FindAll(Assembly assembly) =>
        [
            .. assembly
                .GetTypes()
                .Where(t =>
                    t is { IsClass: true, IsAbstract: false }
                    && typeof(KConnector.Connectors.IConnectorWorker).IsAssignableFrom(t)
                )
                .Select(worker => From(assembly, worker))
                .OrderBy(c => c.Name, StringComparer.Ordinal),
        ];

    private static CompiledConnector From(Assembly assembly, Type worker)
    {
        var config = worker
            .GetConstructors()
            .Single(c => c.GetParameters() is { Length: 3 })
            .GetParameters()[0]
            .ParameterType;
        var definition = (ConfigDefinition)
            config
                .GetProperty("Definition", BindingFlags.Public | BindingFlags.Static)!
                .GetValue(null)!;
        var specValues =
            (IReadOnlyDictionary<string, string?>)
                config
                    .GetProperty("SpecValues", BindingFlags.Public | BindingFlags.Static)!
                    .GetValue(null)!;
        // {TypeName}Config -> {TypeName}ConnectorServiceCollectionExtensions.Add{TypeName}Connector
        var typeName = config.Name[..^"Config".Length];
        var extensions = assembly.GetType(
            $"{config.Namespace}.{typeName}ConnectorServiceCollectionExtensions",
            throwOnError: true
        )!;
        var add = extensions
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m =>
                m.Name == $"Add{typeName}Connector"
                && m.GetParameters() is { Length: 2 } p
                && p[1].ParameterType == typeof(Action<IDictionary<string, string?>>)
            );
        var validate = config
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "Validate" && m.ReturnType == typeof(ParsedConfig));
        return new CompiledConnector(add, validate, definition, specValues);
    }

    /// <summary>
    /// The generated config's <c>Validate</c> of the spec's values with <paramref name="overrides"/>
    /// applied: the typed values, the <c>${...}</c> values resolved by <paramref name="resolver"/>
    /// (the worker's config providers; <see cref="ConfigValueResolver.Default"/> when null) and
    /// every issue.
    /// </summary>
    public ParsedConfig Validate(
        IReadOnlyDictionary<string, string> overrides,
        ConfigValueResolver? resolver = null
    )
    {
        var values = new Dictionary<string, string?>(SpecValues, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }
        return (ParsedConfig)_validate.Invoke(null, [values, resolver])!;
    }

    /// <summary>
    /// The connector's registration, over the spec's values with <paramref name="overrides"/>
    /// applied, as the generated <c>Add{Name}Connector</c> registers it with a host. Its values
    /// are validated when the worker starts.
    /// </summary>
    public ConnectorRegistration Register(IReadOnlyDictionary<string, string> overrides)
    {
        var services = new ServiceCollection();
        Action<IDictionary<string, string?>> configure = values =>
        {
            foreach (var (key, value) in overrides)
            {
                values[key] = value;
            }
        };
        _addConnector.Invoke(null, [services, configure]);
        return services
            .Select(d => d.ImplementationInstance)
            .OfType<ConnectorRegistration>()
            .Single();
    }
}

using System.Reflection;
using KConnector.Configuration;
using KConnector.Connectors;
using Microsoft.Extensions.Logging;

namespace KConnector.Cli.Running;

/// <summary>
/// A worker type the generator wrote for a spec, found in the assembly compiled at run time, and
/// how to make it: <c>{Name}Config.Parse(values)</c> over <c>{Name}Config.SpecValues</c>, then
/// <c>new {Name}Worker(config, environment, logger)</c>. Reflection is the price of compiling specs
/// at run time; a project that references KConnector calls the same members directly.
/// </summary>
internal sealed class CompiledConnector
{
    private readonly ConstructorInfo _constructor;
    private readonly MethodInfo _parse;
    private readonly IReadOnlyDictionary<string, string?> _specValues;

    private CompiledConnector(
        ConstructorInfo constructor,
        MethodInfo parse,
        IReadOnlyDictionary<string, string?> specValues
    )
    {
        _constructor = constructor;
        _parse = parse;
        _specValues = specValues;
    }

    /// <summary>The spec's <c>name</c>.</summary>
    public string Name =>
        _specValues.TryGetValue("name", out var name) && name is not null
            ? name
            : _constructor.DeclaringType!.Name;

    /// <summary>Every generated worker in <paramref name="assembly"/>, by spec name.</summary>
    public static IReadOnlyList<CompiledConnector> FindAll(Assembly assembly) =>
        [
            .. assembly
                .GetTypes()
                .Where(t =>
                    t is { IsClass: true, IsAbstract: false }
                    && typeof(IConnectorWorker).IsAssignableFrom(t)
                )
                .Select(From)
                .OrderBy(c => c.Name, StringComparer.Ordinal),
        ];

    private static CompiledConnector From(Type worker)
    {
        var constructor = worker
            .GetConstructors()
            .Single(c =>
                c.GetParameters() is { Length: 3 } p
                && p[1].ParameterType == typeof(ConnectorEnvironment)
            );
        var config = constructor.GetParameters()[0].ParameterType;
        var parse = config
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "Parse" && m.ReturnType == config);
        var specValues =
            (IReadOnlyDictionary<string, string?>)
                config
                    .GetProperty("SpecValues", BindingFlags.Public | BindingFlags.Static)!
                    .GetValue(null)!;
        return new CompiledConnector(constructor, parse, specValues);
    }

    /// <summary>
    /// Validates the spec's values with <paramref name="overrides"/> applied and creates the worker.
    /// Throws <see cref="ConfigValidationException"/> naming every bad key.
    /// </summary>
    public IConnectorWorker Create(
        IReadOnlyDictionary<string, string> overrides,
        ConnectorEnvironment environment,
        ILogger logger
    )
    {
        var values = new Dictionary<string, string?>(_specValues, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }
        try
        {
            var config = _parse.Invoke(null, [values, null]);
            return (IConnectorWorker)_constructor.Invoke([config, environment, logger]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}

using System.Reflection;
using KConnector.Cli.Compilation;
using KConnector.Configuration;

namespace KConnector.Cli.Running;

/// <summary>
/// The rules across keys of the built-in connectors (<c>insert.mode=upsert</c> needs
/// <c>pk.mode</c>, exactly one of <c>file</c> and <c>directory</c>...), as each connector's
/// options type states them in its <c>Parse</c> (<c>SqlSinkOptions.Parse</c>...), the very method
/// its task factory calls when the worker makes a task. Found, not listed: every public options
/// type of the connector assemblies with a <c>ConfigDefinition Definition</c> and a
/// <c>Parse(values, resolver)</c>, by its definition's connector class, so that <c>validate</c>
/// checks what <c>run</c> would refuse without making a task (which may open a file).
/// </summary>
internal static class ConnectorRules
{
    private static readonly Lazy<IReadOnlyDictionary<string, MethodInfo>> ByClass = new(Find);

    /// <summary>
    /// Checks <paramref name="values"/> against the rules of <paramref name="connectorClass"/>
    /// (a definition's class name); throws the connector's <see cref="ConfigValidationException"/>.
    /// A connector with no such rules (a <c>[SinkConnector]</c> class) passes.
    /// </summary>
    public static void Check(string connectorClass, IReadOnlyDictionary<string, string?> values)
    {
        if (!ByClass.Value.TryGetValue(connectorClass, out var parse))
        {
            return;
        }
        try
        {
            parse.Invoke(null, [values, null]);
        }
        catch (TargetInvocationException e) when (e.InnerException is ConfigValidationException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
    }

    private static Dictionary<string, MethodInfo> Find()
    {
        var rules = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (
            var type in SpecCompiler.BuiltInConnectorAssemblies.SelectMany(a =>
                a.GetExportedTypes()
            )
        )
        {
            if (
                type.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static)
                    is { } definition
                && definition.PropertyType == typeof(ConfigDefinition)
                && type.GetMethod(
                    "Parse",
                    BindingFlags.Public | BindingFlags.Static,
                    [typeof(IReadOnlyDictionary<string, string?>), typeof(ConfigValueResolver)]
                )
                    is { } parse
                && parse.ReturnType == type
            )
            {
                rules[((ConfigDefinition)definition.GetValue(null)!).ConnectorClass] = parse;
            }
        }
        return rules;
    }
}

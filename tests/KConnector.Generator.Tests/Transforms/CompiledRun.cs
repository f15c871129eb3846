using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// What the tests of a source's compiled value chain share: its spec, the output record's source
/// as compact text, the generated code compiled and loaded, the chain run on a record built by
/// reflection, and a KCN diagnostic's place and text.
/// </summary>
internal static class CompiledRun
{
    /// <summary>
    /// A spec named <paramref name="name"/> of <paramref name="connectorClass"/> with its transforms
    /// from line 5 on: each alias's type on line 6, its next key on line 7.
    /// </summary>
    public static string Spec(
        string name,
        string connectorClass,
        string aliases,
        params string[] keys
    ) =>
        "{\n"
        + "  \"name\": \""
        + name
        + "\",\n"
        + "  \"config\": {\n"
        + "    \"connector.class\": \""
        + connectorClass
        + "\",\n"
        + "    \"transforms\": \""
        + aliases
        + "\""
        + string.Concat(keys.Select(e => ",\n    " + e))
        + "\n  }\n}\n";

    /// <summary>The output record's generated source, without spaces and escapes (its schema as compact JSON).</summary>
    public static string Output(GeneratorRun run) =>
        run.Source(
                run.HintNames.Single(h => h.EndsWith(".ValueOutput.g.cs", StringComparison.Ordinal))
            )
            .Replace("\\", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>The run's code, compiled (no diagnostic, no problem) and loaded.</summary>
    public static Assembly Load(GeneratorRun run) => run.Load("kconnector-compiled");

    /// <summary>A new instance of the generated type <paramref name="type"/>.</summary>
    public static object New(Assembly assembly, string type) =>
        Activator.CreateInstance(assembly.GetType(type, throwOnError: true)!)!;

    /// <summary>The chain class <paramref name="chain"/>'s <c>Apply(topic, value)</c>.</summary>
    public static object Apply(Assembly assembly, string chain, string topic, object value) =>
        assembly
            .GetTypes()
            .Single(t => t.Name == chain)
            .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, [topic, value])!;

    public static void Set(object record, string property, object? value) =>
        record.GetType().GetProperty(property)!.SetValue(record, value);

    public static object? Get(object record, string property) =>
        record.GetType().GetProperty(property)!.GetValue(record);

    /// <summary>The run reports one KCN diagnostic, <paramref name="id"/> at 1-based <paramref name="line"/>, whose message holds <paramref name="fragment"/>.</summary>
    public static void Reported(GeneratorRun run, string id, int line, string fragment)
    {
        var diagnostic = Assert.Single(
            run.Diagnostics,
            d => d.Id.StartsWith("KCN", StringComparison.Ordinal)
        );
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(fragment, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.Connectors;

/// <summary>
/// The table of built-in connector classes. A spec naming one of them compiles to a complete worker
/// with no user code. Each row's keys repeat its connector's <c>XxxOptions.Keys</c> (the generator
/// cannot reference the connector assemblies); BuiltInConnectorKeysTests keeps the copies identical.
/// </summary>
internal static partial class BuiltInConnectors
{
    private const string Shapes = "global::KConnector.Connectors.Shapes";

    public static readonly IReadOnlyList<BuiltInConnector> All = new[]
    {
        JsonLinesFileSink(),
        SqlSink(),
        FileStreamSource(),
        SqlSource(),
        HttpSink(),
        HttpSource(),
        ElasticsearchSink(),
    };

    /// <summary>Every name a spec may use, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllNames =>
        All.SelectMany(c => new[] { c.ClassName }.Concat(c.Aliases));

    public static BuiltInConnector? Find(string name) =>
        All.FirstOrDefault(c =>
            string.Equals(c.ClassName, name, StringComparison.Ordinal)
            || c.Aliases.Any(a => string.Equals(a, name, StringComparison.Ordinal))
        );
}

using System.Globalization;
using System.Text;
using KConnector.Configuration;
using KConnector.Generator.Connectors;

namespace KConnector.Generator.Tests.Connectors;

/// <summary>
/// The generator (netstandard2.0) cannot reference the connector assemblies, so each row of
/// <see cref="BuiltInConnectors"/> repeats its connector's <c>XxxOptions.Keys</c>. These tests keep
/// the two copies identical; a failure prints the row's keys as C# to paste.
/// </summary>
public class BuiltInConnectorKeysTests
{
    private static readonly Dictionary<string, IReadOnlyList<ConfigKey>> OptionsKeys = new(
        StringComparer.Ordinal
    )
    {
        ["KConnector.Connectors.File.JsonLinesFileSink"] = KConnector
            .Connectors
            .File
            .Sink
            .FileSinkOptions
            .Keys,
        ["KConnector.Connectors.File.FileStreamSource"] = KConnector
            .Connectors
            .File
            .Source
            .FileSourceOptions
            .Keys,
        ["KConnector.Connectors.Sql.SqlSource"] = KConnector
            .Connectors
            .Sql
            .Configuration
            .SqlSourceOptions
            .Keys,
        ["KConnector.Connectors.Http.HttpSink"] = KConnector
            .Connectors
            .Http
            .Configuration
            .HttpSinkOptions
            .Keys,
        ["KConnector.Connectors.Http.HttpSource"] = KConnector
            .Connectors
            .Http
            .Configuration
            .HttpSourceOptions
            .Keys,
        ["KConnector.Connectors.Elasticsearch.ElasticsearchSink"] = KConnector
            .Connectors
            .Elasticsearch
            .ElasticsearchSinkOptions
            .Keys,
        ["KConnector.Connectors.Sql.SqlSink"] = KConnector
            .Connectors
            .Sql
            .Configuration
            .SqlSinkOptions
            .Keys,
    };

    public static TheoryData<string> Rows() => new(BuiltInConnectors.All.Select(c => c.ClassName));

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryRow_HasExactlyItsConnectorsKeys(string className)
    {
        var row = BuiltInConnectors.Find(className)!;
        Assert.True(
            OptionsKeys.TryGetValue(className, out var own),
            className + " has no options class in this test: add it to OptionsKeys"
        );

        var expected = own.Select(Describe).ToList();
        var actual = row.Keys.Select(Describe).ToList();

        Assert.True(
            expected.SequenceEqual(actual),
            $"The keys of {className} differ from its options class. The row's keys should read:{Environment.NewLine}{CSharpOf(own)}"
        );
    }

    [Fact]
    public void EveryRow_IsOwnedByTheConnectorGroup() =>
        Assert.All(
            BuiltInConnectors.All.SelectMany(c => c.Keys),
            k => Assert.Equal("Connector", k.Group)
        );

    private static string Describe(ConfigKey key) =>
        string.Join(
            " | ",
            key.Name,
            key.Type.ToString(),
            key.DefaultValue ?? "(none)",
            key.Required ? "required" : "optional",
            key.Importance.ToString(),
            key.Documentation,
            string.Join(",", key.OneOf ?? []),
            Number(key.Min),
            Number(key.Max),
            key.Pattern ?? "(none)",
            key.Group
        );

    private static string Describe(ConfigKeyModel key) =>
        string.Join(
            " | ",
            key.Name,
            key.Type.ToString(),
            key.Default ?? "(none)",
            key.Required ? "required" : "optional",
            key.Importance,
            key.Doc,
            string.Join(",", key.OneOf),
            key.Min ?? "(none)",
            key.Max ?? "(none)",
            key.Pattern ?? "(none)",
            key.Group
        );

    private static string Number(double? value) =>
        value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    /// <summary>The keys as the generator's row writes them (CommonConfigKeys.Key calls).</summary>
    private static string CSharpOf(IReadOnlyList<ConfigKey> keys)
    {
        var text = new StringBuilder();
        foreach (var key in keys)
        {
            text.Append("CommonConfigKeys.Key(")
                .Append(Quote(key.Name))
                .Append(", ConfigKeyType.")
                .Append(key.Type)
                .Append(", ")
                .Append(key.DefaultValue is null ? "null" : Quote(key.DefaultValue))
                .Append(", ")
                .Append(Quote(key.Importance.ToString()))
                .Append(", ")
                .Append(Quote(key.Documentation))
                .Append(", \"Connector\"");
            if (key.Required)
            {
                text.Append(", required: true");
            }
            if (key.Min is { } min)
            {
                text.Append(", min: ").Append(Quote(Number(min)));
            }
            if (key.Max is { } max)
            {
                text.Append(", max: ").Append(Quote(Number(max)));
            }
            if (key.OneOf is { Count: > 0 } oneOf)
            {
                text.Append(", oneOf: new[] { ")
                    .Append(string.Join(", ", oneOf.Select(Quote)))
                    .Append(" }");
            }
            text.Append("),").AppendLine();
        }
        return text.ToString();
    }

    private static string Quote(string text) =>
        "\""
        + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
        + "\"";
}

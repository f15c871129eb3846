using System.Collections;
using KConnector.Configuration;
using KConnector.Connectors.Elasticsearch;
using KConnector.Connectors.File.Sink;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.Http.Configuration;
using KConnector.Connectors.Redis.Configuration;
using KConnector.Connectors.Sql.Configuration;
using KConnector.Generator.Tests.Infrastructure;
using KConnector.Testing;

namespace KConnector.Generator.Tests.FrameworkConfig;

/// <summary>
/// Issue 13, item 3: a connector's options record is typed from its descriptor
/// (<c>[TypedConfigKeys(typeof(Descriptor))]</c> on a partial record): each key's name, type,
/// default and doc are stated once, in the descriptor's [ConfigKey]; the record writes by hand only
/// what has a type or a name of its own.
/// </summary>
public sealed class TypedOptionsTests
{
    private const string ShopOptions = """
        using System;
        using KConnector.Configuration;
        using KConnector.Configuration.Framework;
        using KConnector.Plugins;

        namespace Shop;

        [ConnectPlugin("Shop.TillSink", PluginKind.Sink)]
        [ConfigKey("till.url", ConfigType.String, Required = true, Documentation = "Where the till is.")]
        [IncludeConfigKeys(typeof(TillAuthKeys))]
        [ConfigKey("till.mode", ConfigType.String, Default = "record_key", AllowedValues = ["none", "record_key", "cash+card"], Documentation = "How it pays.")]
        [ConfigKey("till.size", ConfigType.Int, Default = "3000", Min = 1, Documentation = "Lines per write.")]
        [ConfigKey("till.total", ConfigType.Long, Default = "-1", Documentation = "Most lines, -1 for no limit.")]
        [ConfigKey("till.ratio", ConfigType.Double, Default = "0.5", Documentation = "A share.")]
        [ConfigKey("till.open", ConfigType.Boolean, Default = "true", Documentation = "Whether it is open.")]
        [ConfigKey("till.names", ConfigType.List, Default = "a, b", Documentation = "The tills.")]
        [ConfigKey("till.note", ConfigType.String, Documentation = "A note; none by default.")]
        [ConfigKey("till.wait.ms", ConfigType.Long, Default = "250", Documentation = "How long to wait.")]
        [ConfigKey("till.separator", ConfigType.String, Default = ";", Documentation = "One character.")]
        [ConfigKey("till.level", ConfigType.String, Default = "LOW", AllowedValues = ["low", "high"], Documentation = "A level.")]
        public static partial class TillSink;

        [ConfigKey("till.user", ConfigType.String, Documentation = "Who logs in.")]
        [ConfigKey("till.password", ConfigType.Password, Documentation = "The secret.")]
        internal static class TillAuthKeys;

        public enum TillMode { None, RecordKey, CashCard }

        [TypedConfigKeys(typeof(TillSink))]
        public sealed partial record TillOptions
        {
            [ConfigKeyProperty("till.mode")]
            public TillMode Mode { get; init; }

            [ConfigKeyProperty("till.names")]
            public System.Collections.Generic.IReadOnlyList<string> Names { get; init; }

            [ConfigKeyProperty("till.wait.ms")]
            public TimeSpan Wait { get; init; }

            [ConfigKeyProperty("till.separator")]
            public char Separator { get; init; }

            [ConfigKeyProperty(typeof(TillAuthKeys))]
            public required string Login { get; init; }

            public static TillOptions Parse(System.Collections.Generic.IReadOnlyDictionary<string, string?> config)
            {
                var parsed = TillSink.Definition.Parse(config).ThrowIfInvalid();
                return new TillOptions(parsed) { Login = parsed.Get<string>("till.user") ?? "guest" };
            }
        }
        """;

    [Fact]
    public void OptionsRecord_TypesEveryKeyNotTypedByHand_WithTheDescriptorsDefaults()
    {
        var run = new GeneratorHarness().AddSource(ShopOptions).Run();

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileProblems());
        SnapshotVerifier.Verify(
            run.Source("Shop.TillOptions.TypedOptions.g.cs"),
            "TypedOptions.Till"
        );
    }

    /// <summary>
    /// Each connector's options: a record made with <c>new</c> starts every key it types at the
    /// descriptor's default, the same values Parse reads from a config that sets only the
    /// required keys (each row's config; its properties set by hand are left out).
    /// </summary>
    [Theory]
    [InlineData(
        typeof(SqlSinkOptions),
        "connection.url=jdbc:sqlite:shop.db",
        "ConnectionUrl,ErrorsToleranceAll"
    )]
    [InlineData(
        typeof(SqlSourceOptions),
        "connection.url=jdbc:sqlite:shop.db;mode=bulk;topic.prefix=shop-;query=SELECT 1",
        "ConnectionUrl,Mode,TopicPrefix,Query"
    )]
    [InlineData(typeof(ElasticsearchSinkOptions), "connection.url=http://127.0.0.1:9200", "Url")]
    [InlineData(typeof(FileSinkOptions), "file=out.jsonl", "File")]
    [InlineData(typeof(FileSourceOptions), "file=in.jsonl;topic=orders", "File,Topic")]
    [InlineData(typeof(RedisSinkOptions), "", "Connection")]
    [InlineData(
        typeof(RedisStreamSourceOptions),
        "redis.stream.name=orders",
        "Connection,Stream,Topic"
    )]
    [InlineData(typeof(HttpSinkOptions), "http.api.url=http://127.0.0.1:1/in", "Request")]
    [InlineData(
        typeof(HttpSourceOptions),
        "url=http://127.0.0.1:1/in;topic.name.pattern=t;http.offset.json.pointer=/id",
        "Request,Topic,OffsetPointer"
    )]
    public void NewOptions_StartAtTheDescriptorsDefaults_AsParseReadsThem(
        Type options,
        string config,
        string setByRow
    )
    {
        var values = config
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(
                p => p[..p.IndexOf('=', StringComparison.Ordinal)],
                p => (string?)p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]
            );
        var parsed = options.GetMethod("Parse")!.Invoke(null, [values, null])!;
        var fresh = Activator.CreateInstance(options)!;
        var compared = 0;

        foreach (
            var property in options
                .GetProperties()
                .Where(p => p.CanWrite && !setByRow.Split(',').Contains(p.Name))
        )
        {
            Assert.True(
                SameValue(property.GetValue(fresh), property.GetValue(parsed)),
                $"{options.Name}.{property.Name}: new() {property.GetValue(fresh)} but Parse {property.GetValue(parsed)}"
            );
            compared++;
        }
        Assert.True(compared >= 2, $"{options.Name}: only {compared} properties compared");
    }

    [Fact]
    public void Parse_ReadsEachTypedKey_EnumsAndListsIncluded()
    {
        var options = SqlSinkOptions.Parse(
            new Dictionary<string, string?>
            {
                ["connection.url"] = "jdbc:sqlite:shop.db",
                ["insert.mode"] = "UPSERT",
                ["pk.mode"] = "record_value",
                ["pk.fields"] = "id, shop",
                ["batch.size"] = "7",
                ["auto.create"] = "true",
                ["errors.tolerance"] = "all",
            }
        );

        Assert.Equal(InsertMode.Upsert, options.InsertMode);
        Assert.Equal(PrimaryKeyMode.RecordValue, options.PrimaryKeyMode);
        Assert.Equal(["id", "shop"], options.PrimaryKeyFields);
        Assert.Equal(7, options.BatchSize);
        Assert.True(options.AutoCreate);
        Assert.True(options.ErrorsToleranceAll);
        Assert.Equal(10, options.MaxRetries);
    }

    [Theory]
    [InlineData("batch.size", "ten")]
    [InlineData("batch.size", "0")]
    [InlineData("insert.mode", "merge")]
    [InlineData("auto.create", "yes")]
    public void Parse_RefusesAWrongValue_NamingItsKey(string key, string value)
    {
        var e = Assert.Throws<ConfigValidationException>(() =>
            SqlSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = "jdbc:sqlite:shop.db",
                    [key] = value,
                }
            )
        );

        Assert.Equal([key], e.Issues.Select(i => i.Key).Distinct());
    }

    private static bool SameValue(object? a, object? b) =>
        a is IEnumerable x and not string && b is IEnumerable y and not string
            ? x.Cast<object>().SequenceEqual(y.Cast<object>())
            : Equals(a, b);
}

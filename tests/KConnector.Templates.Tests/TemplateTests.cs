using System.Text;
using KConnector.Connectors.Redis.Tests;
using KConnector.Testing;

namespace KConnector.Templates.Tests;

/// <summary>
/// <c>dotnet new kconnector</c> from the freshly built pack: every supported combination is made,
/// built and has its own tests run, and its files are snapshot. The variants run one after another
/// (one test class) and share one NuGet packages folder.
/// </summary>
public sealed class TemplateTests(TemplatePack pack) : IClassFixture<TemplatePack>
{
    /// <summary>Every --kind x --format of the custom connector, and each built-in connector.</summary>
    public static TheoryData<TemplateVariant> Variants =>
        new(
            new TemplateVariant("source", "avro", "custom"),
            new TemplateVariant("source", "jsonschema", "custom"),
            new TemplateVariant("source", "json", "custom"),
            new TemplateVariant("source", "protobuf", "custom"),
            new TemplateVariant("sink", "avro", "custom"),
            new TemplateVariant("sink", "jsonschema", "custom"),
            new TemplateVariant("sink", "json", "custom"),
            new TemplateVariant("sink", "protobuf", "custom"),
            // A built-in connector's kind and format are its own: --kind/--format are not passed.
            TemplateVariant.BuiltIn("file-sink"),
            TemplateVariant.BuiltIn("file-source"),
            TemplateVariant.BuiltIn("sql-sink"),
            TemplateVariant.BuiltIn("sql-source"),
            TemplateVariant.BuiltIn("http-sink"),
            TemplateVariant.BuiltIn("elasticsearch-sink"),
            TemplateVariant.BuiltIn("http-source"),
            TemplateVariant.BuiltIn("redis-sink"),
            TemplateVariant.BuiltIn("postgres-cdc")
        );

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task NewProject_Builds_AndItsTestsPass(TemplateVariant variant)
    {
        var (directory, created) = await pack.NewAsync(
            variant.Name,
            [.. variant.Options, "--skip-restore"]
        );
        Assert.True(created.ExitCode == 0, "dotnet new failed:\n" + created.Output);
        SnapshotVerifier.Verify(Describe(directory), variant.Name, "txt");

        var build = await pack.DotnetAsync(
            directory,
            "build",
            "Shop.Orders.Tests",
            "-nologo",
            "-v",
            "quiet"
        );
        Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Output);
        var test = await pack.DotnetAsync(directory, "test", "Shop.Orders.Tests", "--no-build");
        Assert.True(test.ExitCode == 0, "dotnet test failed:\n" + test.Output);
        Assert.Contains("Failed:     0", test.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Passed:     0", test.Output, StringComparison.Ordinal);

        if (variant.Connector == "postgres-cdc")
        {
            // Captures a real PostgreSQL's changes (PostgresCdcRun): none without a database.
            await PostgresCdcRun.AssertChangeEventsAsync(pack, directory);
            return;
        }
        if (variant.Connector != "redis-sink")
        {
            await RunOnTheEmbeddedClusterAsync(directory, variant);
            return;
        }
        // The Redis sink writes to a real redis-server started here, named on the command line.
        var redis = await StartRedisAsync();
        try
        {
            var output = await RunOnTheEmbeddedClusterAsync(
                directory,
                variant,
                "--Connector:redis.uri=" + redis.Uri
            );
            await AssertSampleOrdersAreHashesAsync(redis, output);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    /// <summary>
    /// dotnet run: on the embedded cluster, records flow (the sample source's 100 orders, or the 20
    /// sample orders fed to a sink, in a file, a table or Redis hashes), and the progress reporter
    /// says so; the HTTP source polls the sample API Program.cs serves (20 orders). The HTTP and
    /// Elasticsearch sinks need a server the project cannot start: their run is checked to start on
    /// the embedded cluster, their delivery by the project's tests. While it runs, its Kafka
    /// Connect REST API answers the connector's status, RUNNING, and pauses it
    /// (<see cref="GeneratedWorkerRestApi"/>). Returns the run's output.
    /// </summary>
    private async Task<string> RunOnTheEmbeddedClusterAsync(
        string directory,
        TemplateVariant variant,
        params string[] runArguments
    )
    {
        var expected = variant.Connector switch
        {
            "custom" => variant.Kind == "source" ? 100 : 20,
            "http-sink" or "elasticsearch-sink" => 0,
            _ => 20,
        };
        var progress = expected > 0 ? $": {expected} records processed" : "EMBEDDED Kafka cluster";
        var checkedApi = false;
        var run = await pack.DotnetUntilAsync(
            directory,
            async output =>
            {
                if (
                    !output.Contains(progress, StringComparison.Ordinal)
                    || GeneratedWorkerRestApi.Address(output) is not { } api
                )
                {
                    return false;
                }
                await GeneratedWorkerRestApi.AssertRunningThenPausedAsync(api, variant.Kind);
                checkedApi = true;
                return true;
            },
            TimeSpan.FromMinutes(3),
            ["run", "--no-build", "--", GeneratedWorkerRestApi.AnyFreePort, .. runArguments]
        );
        Assert.True(run.ExitCode == 0, $"dotnet run never reported '{progress}':\n" + run.Output);
        Assert.True(checkedApi, "the REST API was not asked:\n" + run.Output);
        Assert.Contains("EMBEDDED Kafka cluster", run.Output, StringComparison.Ordinal);
        return run.Output;
    }

    private static async Task<RedisServer> StartRedisAsync()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        return redis;
    }

    /// <summary>
    /// The spec's redis.command=HSET: each of the 20 sample orders is a hash orders:order-N
    /// (redis.key ${topic}, redis.separator ':', the record key) holding the order's fields; the
    /// password in the redis.uri given on the command line shows nowhere in the run's output.
    /// </summary>
    private static async Task AssertSampleOrdersAreHashesAsync(RedisServer redis, string output)
    {
        for (var n = 0; n < 20; n++)
        {
            var id = "order-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var hash = (await redis.Db.HashGetAllAsync("orders:" + id)).ToDictionary(
                e => e.Name.ToString(),
                e => e.Value.ToString()
            );
            Assert.True(hash.Count > 0, $"no hash orders:{id} in Redis; the run said:\n{output}");
            Assert.Equal(id, hash["order_id"]);
            Assert.Equal("9.99", hash["unit_price"]);
            Assert.Equal(["customer_id", "order_id", "quantity", "unit_price"], hash.Keys.Order());
        }
        Assert.DoesNotContain(redis.Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewProject_RunsTheRestorePostAction_UnlessSkipped()
    {
        var (restored, created) = await pack.NewAsync("restored", "--kind", "source");
        Assert.True(created.ExitCode == 0, "dotnet new failed:\n" + created.Output);
        Assert.True(
            File.Exists(Path.Combine(restored, "obj", "project.assets.json")),
            "the restore post action did not restore the project:\n" + created.Output
        );

        var (skipped, _) = await pack.NewAsync("skipped", "--kind", "source", "--skip-restore");
        Assert.False(File.Exists(Path.Combine(skipped, "obj", "project.assets.json")));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("xml")]
    public async Task FormatsTheTemplateHasNoVariantFor_AreRefused_NamingTheOnesOffered(
        string format
    )
    {
        var (directory, created) = await pack.NewAsync(
            "format-" + format,
            "--format",
            format,
            "--skip-restore"
        );

        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains("--format", created.Output, StringComparison.Ordinal);
        Assert.Contains("jsonschema", created.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory) && Directory.EnumerateFiles(directory).Any());
    }

    /// <summary>The file list and the files a user reads first, with machine paths masked.</summary>
    private string Describe(string directory)
    {
        var text = new StringBuilder();
        var files = Directory
            .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        text.AppendLine("# files");
        foreach (var file in files)
        {
            text.AppendLine(file);
        }
        string[] keyFiles =
        [
            "Shop.Orders.csproj",
            "Program.cs",
            "OrdersSource.cs",
            "OrdersSink.cs",
            "SampleOrders.cs",
            "OrderTotalHeader.cs",
            "Schemas/order.proto",
            "orders-file-sink.connector.json",
            "orders-file-source.connector.json",
            "orders-sql-sink.connector.json",
            "orders-sql-source.connector.json",
            "orders-http-sink.connector.json",
            "orders-elasticsearch-sink.connector.json",
            "orders-http-source.connector.json",
            "orders-redis-sink.connector.json",
            "orders-postgres-cdc.connector.json",
            "nuget.config",
        ];
        foreach (var file in keyFiles.Where(files.Contains))
        {
            text.AppendLine();
            text.AppendLine("# " + file);
            text.Append(
                File.ReadAllText(Path.Combine(directory, file))
                    .Replace(pack.Root, "{repository}", StringComparison.Ordinal)
            );
        }
        return text.ToString();
    }
}

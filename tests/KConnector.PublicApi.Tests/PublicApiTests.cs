using System.Reflection;
using KConnector.Testing;

namespace KConnector.PublicApi.Tests;

/// <summary>
/// The public surface of every shipped assembly, against <c>Snapshots/&lt;assembly&gt;.verified.txt</c>:
/// adding, removing or changing a public type or member fails here until the snapshot is accepted
/// (<c>KCONNECTOR_ACCEPT_SNAPSHOTS=1</c>), so a change to what users compile against is always a
/// reviewed diff.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>One type of each shipped assembly, by the assembly's name.</summary>
    public static TheoryData<string> Assemblies => [.. ShippedAssemblies.Keys];

    // The runtime, its REST package, the run-time compiler and every connector assembly the test carries (its project
    // references every src/KConnector.Connectors.* project): found, not listed.
    private static readonly Dictionary<string, Assembly> ShippedAssemblies = new[]
    {
        typeof(KConnector.Records.SinkRecord<,>).Assembly,
        typeof(KConnector.Rest.KafkaConnectRestEndpoints).Assembly,
        typeof(KConnector.Compiler.CompiledConnectorFactoryServiceCollectionExtensions).Assembly,
    }
        .Concat(ConnectorAssemblies())
        .ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApi_IsTheReviewedSnapshot(string assembly)
    {
        SnapshotVerifier.Verify(
            PublicApiListing.Of(ShippedAssemblies[assembly]),
            assembly,
            extension: "txt"
        );
    }

    [Fact]
    public void Listing_ShowsMembersWithTheirSignatures()
    {
        // The listing is only a guard if it shows what a change would alter: a member's kind,
        // nullability, defaults and accessors, not just names.
        var listing = PublicApiListing.Of(typeof(KConnector.Records.SinkRecord<,>).Assembly);

        Assert.Contains("sealed record KConnector.Errors.ErrantRecord : ", listing);
        Assert.Contains("    public required string Topic { get; init; }", listing);
        Assert.Contains("    public int? Partition { get; init; }", listing);
        Assert.Contains("interface KConnector.Tasks.ISinkTask<TKey, TValue>", listing);
        Assert.DoesNotContain("<Clone>$", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("get_", listing, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshots_CoverEveryShippedAssemblyAndNoOther()
    {
        // A connector project added without its snapshot (or a snapshot left behind) fails here;
        // KConnector.Rest is the package a hosted worker serves Kafka Connect's REST API with,
        // KConnector.Compiler the one its POST /connectors compiles configs with.
        var folder = Path.Combine(SourceFolder(), SnapshotVerifier.SnapshotFolderName);
        var snapshots = Directory
            .GetFiles(folder, "*.verified.txt")
            .Select(p => Path.GetFileName(p)[..^".verified.txt".Length])
            .Order(StringComparer.Ordinal);
        var shipped = Directory
            .GetDirectories(Path.Combine(SourceFolder(), "..", "..", "src"))
            .Select(Path.GetFileName)
            .Where(n =>
                n is "KConnector" or "KConnector.Rest" or "KConnector.Compiler"
                || n!.StartsWith("KConnector.Connectors.", StringComparison.Ordinal)
            )
            .Order(StringComparer.Ordinal);

        Assert.Equal(shipped, snapshots);
        Assert.Equal(shipped, ShippedAssemblies.Keys.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<Assembly> ConnectorAssemblies() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n!.StartsWith("KConnector.Connectors.", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(n => Assembly.Load(new AssemblyName(n!)));

    private static string SourceFolder(
        [System.Runtime.CompilerServices.CallerFilePath] string path = ""
    ) => Path.GetDirectoryName(path)!;
}

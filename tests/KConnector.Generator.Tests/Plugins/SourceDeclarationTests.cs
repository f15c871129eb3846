using System.Reflection;
using System.Runtime.Loader;
using KConnector.Configuration;
using KConnector.Distributed.ExactlyOnce;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A source descriptor's declarations (Kafka Connect's <c>SourceConnector.exactlyOnceSupport</c> and
/// <c>canDefineTransactionBoundaries</c>) land on its generated <c>Definition</c>, so the preflight
/// checks ask the descriptor's own methods; a descriptor declaring nothing leaves both null.
/// </summary>
public sealed class SourceDeclarationTests
{
    private const string Descriptors = """
        using System.Collections.Generic;
        using KConnector.Configuration;
        using KConnector.Distributed.ExactlyOnce;
        using KConnector.Plugins;

        namespace Shop;

        [ConnectPlugin("Shop.TillSource", PluginKind.Source)]
        [ConfigKey("till.mode", ConfigType.String, Default = "batched", Documentation = "How it reads.")]
        public static partial class TillSource
        {
            public static ConnectorTransactionBoundaries CanDefineTransactionBoundaries(
                IReadOnlyDictionary<string, string?> config
            ) =>
                config.GetValueOrDefault("till.mode") == "batched"
                    ? ConnectorTransactionBoundaries.Supported
                    : ConnectorTransactionBoundaries.Unsupported;

            public static ExactlyOnceSupport? ExactlyOnceSupport(
                IReadOnlyDictionary<string, string?> config
            ) => KConnector.Distributed.ExactlyOnce.ExactlyOnceSupport.Supported;
        }

        [ConnectPlugin("Shop.PlainSource", PluginKind.Source)]
        [ConfigKey("plain.mode", ConfigType.String, Documentation = "How it reads.")]
        public static partial class PlainSource;
        """;

    [Fact]
    public void TheDeclarations_LandOnTheGeneratedDefinition()
    {
        var till = DefinitionOf("Shop.TillSource");

        Assert.NotNull(till.CanDefineTransactionBoundaries);
        Assert.Equal(
            ConnectorTransactionBoundaries.Supported,
            till.CanDefineTransactionBoundaries(
                new Dictionary<string, string?> { ["till.mode"] = "batched" }
            )
        );
        Assert.Equal(
            ConnectorTransactionBoundaries.Unsupported,
            till.CanDefineTransactionBoundaries(
                new Dictionary<string, string?> { ["till.mode"] = "live" }
            )
        );
        Assert.Equal(
            ExactlyOnceSupport.Supported,
            till.ExactlyOnceSupport!(new Dictionary<string, string?>())
        );
    }

    [Fact]
    public void ADescriptorDeclaringNothing_LeavesBothNull()
    {
        var plain = DefinitionOf("Shop.PlainSource");

        Assert.Null(plain.CanDefineTransactionBoundaries);
        Assert.Null(plain.ExactlyOnceSupport);
    }

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = new GeneratorHarness().AddSource(Descriptors).Run();
        Assert.Empty(run.Diagnostics);
        Assert.Contains(
            "CanDefineTransactionBoundaries = CanDefineTransactionBoundaries,",
            run.Source("Shop.TillSource.Definition.g.cs"),
            StringComparison.Ordinal
        );
        using var image = new MemoryStream();
        var result = run.Output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("kconnector-source-declarations").LoadFromStream(image);
    });

    private static ConfigDefinition DefinitionOf(string type) =>
        (ConfigDefinition)
            Compiled
                .Value.GetType(type, throwOnError: true)!
                .GetProperty("Definition")!
                .GetValue(null)!;
}

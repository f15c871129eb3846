using System.Collections.Immutable;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// A config provider KConnector knows nothing of, in its own assembly (Acme.Config.Vault), compiled
/// with the KConnector generator as its project would be (which writes the descriptor's Definition)
/// and written to disk as a package's lib folder holds it.
/// </summary>
internal static class ThirdPartyConfigProvider
{
    public const string AssemblyName = "Acme.Config.Vault";

    public const string Source = """
        using System;
        using System.Collections.Generic;
        using KConnector.Configuration;
        using KConnector.Plugins;

        namespace Acme.Config.Vault;

        [ConnectPlugin("Acme.Config.Vault.StaticVaultConfigProvider", PluginKind.ConfigProvider, Aliases = ["StaticVault"], Description = "Secrets from a fixed table.")]
        [ConfigKey("prefix", ConfigType.String, Required = true, Documentation = "What every secret starts with.")]
        public static partial class StaticVaultConfigProviderPlugin
        {
            public static IConfigProvider Create(ParsedConfig parameters) => new StaticVault(parameters.Get<string>("prefix")!);
        }

        public sealed class StaticVault(string prefix) : IConfigProvider
        {
            public string Get(string? path, string key) =>
                path == "db" ? prefix + "-" + key : throw new ConfigProviderException("no secret " + path + "/" + key);
        }
        """;

    private static readonly Lazy<string> Built = new(Build);

    /// <summary>The provider's dll, built once per test run.</summary>
    public static string Path => Built.Value;

    public static MetadataReference Reference => MetadataReference.CreateFromFile(Path);

    private static string Build()
    {
        var compilation = CSharpCompilation.Create(
            AssemblyName,
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest))],
            GeneratorHarness.BaseReferences,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );
        CSharpGeneratorDriver
            .Create(
                [new KConnectorGenerator().AsSourceGenerator()],
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest)
            )
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var folder = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "kconnector-provider-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, AssemblyName + ".dll");
        var result = output.Emit(path);
        var errors = diagnostics
            .Concat(result.Diagnostics)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToImmutableArray();
        if (!result.Success || errors.Length > 0)
        {
            throw new InvalidOperationException(
                "the provider does not compile: " + string.Join("\n", errors)
            );
        }
        return path;
    }
}

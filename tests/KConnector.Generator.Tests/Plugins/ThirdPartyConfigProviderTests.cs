using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using KConnector.Configuration;
using KConnector.Configuration.Providers;
using KConnector.Errors;
using KConnector.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// Issue 13, config providers as plugins: a provider in a package's own assembly (referenced as
/// metadata only) is registered by the generated module initializer of the project that references
/// it, from its descriptor (names, generated Definition, static Create: no reflection), and a
/// worker config names it by class or alias; its parameters are checked against the descriptor.
/// </summary>
public sealed class ThirdPartyConfigProviderTests
{
    private const string Spec = """
        {
          "name": "vaulted",
          "config": {
            "connector.class": "FileStreamSink",
            "topics": "in",
            "file": "${vault:db:file}",
            "value.schema": "order.avsc",
            "value.converter": "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable": false
          }
        }
        """;

    [Fact]
    public void TheGeneratedRegistration_NamesThePackagesProvider()
    {
        var result = Generate();

        Assert.Empty(result.Diagnostics);
        var registration = result
            .Results.Single()
            .GeneratedSources.Single(s =>
                s.HintName == "KConnector.ConfigProviderRegistrations.g.cs"
            )
            .SourceText.ToString();
        Assert.Contains(
            "ConfigProviderPlugins.Register(typeof(global::Acme.Config.Vault.StaticVaultConfigProviderPlugin), \"Acme.Config.Vault.StaticVaultConfigProvider\", new string[] { \"StaticVault\" }, global::Acme.Config.Vault.StaticVaultConfigProviderPlugin.Definition, global::Acme.Config.Vault.StaticVaultConfigProviderPlugin.Create",
            registration,
            StringComparison.Ordinal
        );
        // The runtime's own providers are in its table already.
        Assert.DoesNotContain("FileConfigProvider", registration, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectWithoutProviderPackages_GetsNoRegistration()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("vaulted.connector.json", Spec);
        var result = harness
            .CreateDriver()
            .RunGenerators(harness.CreateCompilation())
            .GetRunResult();

        Assert.DoesNotContain(
            result.Results.Single().GeneratedSources,
            s => s.HintName == "KConnector.ConfigProviderRegistrations.g.cs"
        );
    }

    [Fact]
    public void AWorkerConfigNamingThePackagesProvider_ResolvesASpecsReference()
    {
        var assembly = Compile();
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);

        var resolver = WorkerConfigProviders.CreateResolver(
            new Dictionary<string, string>
            {
                ["config.providers"] = "vault",
                ["config.providers.vault.class"] = "StaticVault",
                ["config.providers.vault.param.prefix"] = "acme",
            }
        );
        var config = assembly.GetTypes().Single(t => t.Name == "VaultedConfig");
        var validate = config
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "Validate" && m.ReturnType == typeof(ParsedConfig));
        var specValues =
            (IReadOnlyDictionary<string, string?>)config.GetProperty("SpecValues")!.GetValue(null)!;
        var parsed = (ParsedConfig)validate.Invoke(null, [specValues, resolver])!;

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Issues));
        Assert.Equal("acme-file", parsed.Originals["file"]);
        Assert.Equal("${vault:db:file}", parsed.Unresolved["file"]);
        var missing = Assert.Throws<ConfigException>(() =>
            WorkerConfigProviders.CreateResolver(
                new Dictionary<string, string>
                {
                    ["config.providers"] = "vault",
                    ["config.providers.vault.class"] =
                        "Acme.Config.Vault.StaticVaultConfigProvider",
                }
            )
        );
        Assert.Equal("config.providers.vault.param.prefix", missing.Key);
    }

    private static GeneratorDriverRunResult Generate()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("vaulted.connector.json", Spec);
        var compilation = harness
            .CreateCompilation()
            .AddReferences(ThirdPartyConfigProvider.Reference);
        return harness.CreateDriver().RunGenerators(compilation).GetRunResult();
    }

    private static Assembly Compile()
    {
        var harness = new GeneratorHarness()
            .AddSchema("order.avsc", Schemas.Order)
            .AddSchema("vaulted.connector.json", Spec);
        var compilation = harness
            .CreateCompilation()
            .AddReferences(ThirdPartyConfigProvider.Reference);
        harness
            .CreateDriver()
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        return new ProviderLoadContext().LoadFromStream(image);
    }

    /// <summary>Resolves the provider's assembly from its folder, as a host loads a package's lib; KConnector from the default context.</summary>
    private sealed class ProviderLoadContext() : AssemblyLoadContext("kconnector-vault-provider")
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == ThirdPartyConfigProvider.AssemblyName
                ? LoadFromAssemblyPath(ThirdPartyConfigProvider.Path)
                : null;
    }
}

using KConnector.Configuration;
using KConnector.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KConnector.Tests.Configuration.Providers;

/// <summary>
/// The hosted worker's road: its section's <c>config.providers</c> resolve a generated connector's
/// references; what the worker shows of the config (REST's GET /connectors/{name}/config) is the
/// unresolved text, as Kafka Connect shows the submitted config; no resolved value reaches a log.
/// </summary>
public sealed class HostedWorkerConfigProvidersTests
{
    private const string Secret = "Vault-Secret-Api-Key-0815";
    private const string Endpoint = "https://internal.example.invalid/hook";

    [Fact]
    public async Task TheWorkersProviders_ResolveTheConnectorsReferences_AndGetInfoShowsThemUnresolved()
    {
        InMemoryVaultProviderPlugin.Register();
        InMemoryVaultProvider.Secrets["hosted/db/api.key"] = Secret;
        InMemoryVaultProvider.Secrets["hosted/db/endpoint"] = Endpoint;
        var logs = new CapturingLogger();
        using var host = Build(logs, "${vault:db:endpoint}");
        var controller = host.Services.GetRequiredService<IConnectorController>();

        await host.StartAsync();
        try
        {
            var info = controller.GetInfo("secret-test-sink");
            Assert.Equal("${vault:db:endpoint}", info.Config["endpoint"]);
            Assert.Equal(Password.Hidden, info.Config["api.key"]);
            Assert.All(
                info.Config.Values,
                v => Assert.DoesNotContain(Endpoint, v, StringComparison.Ordinal)
            );
        }
        finally
        {
            await host.StopAsync();
        }
        Assert.NotEmpty(logs.Lines);
        Assert.All(
            logs.Lines,
            line =>
            {
                Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
                Assert.DoesNotContain(Endpoint, line, StringComparison.Ordinal);
            }
        );
    }

    [Fact]
    public async Task AReferenceToAProviderTheWorkerDoesNotName_FailsTheStart_NamingTheConnectorKey()
    {
        InMemoryVaultProviderPlugin.Register();
        InMemoryVaultProvider.Secrets["hosted/db/api.key"] = Secret;
        using var host = Build(new CapturingLogger(), "${env:HOME}");

        var error = await Assert.ThrowsAsync<ConfigValidationException>(() => host.StartAsync());

        var issue = Assert.Single(error.Issues);
        Assert.Equal("endpoint", issue.Key);
        Assert.Contains(
            "config provider 'env', which is not registered (known: vault",
            issue.Message,
            StringComparison.Ordinal
        );
    }

    private static IHost Build(CapturingLogger logs, string endpoint)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["worker:config.providers"] = "vault",
                ["worker:config.providers.vault.class"] = "com.example.vault.InMemoryVaultProvider",
                ["worker:config.providers.vault.param.mount"] = "hosted",
            }
        );
        builder.Services.AddKConnectorWorker(builder.Configuration.GetSection("worker"));
        builder.Services.AddSecretSinkConnector(values =>
        {
            values["api.key"] = "${vault:db:api.key}";
            values["endpoint"] = endpoint;
        });
        return builder.Build();
    }
}

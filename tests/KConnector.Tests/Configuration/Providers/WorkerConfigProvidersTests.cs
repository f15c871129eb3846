using KConnector.Configuration;
using KConnector.Configuration.Providers;
using KConnector.Errors;

namespace KConnector.Tests.Configuration.Providers;

/// <summary>
/// A worker's <c>config.providers</c> (Kafka's AbstractConfig keys): the providers it names, each
/// created from its descriptor with its <c>param.*</c>, resolve connectors' references; a wrong
/// provider is an error naming its key; no value read from a provider reaches a message.
/// </summary>
public sealed class WorkerConfigProvidersTests : IDisposable
{
    private const string Secret = "s3cr3t-Value-From-Provider";
    private readonly string _root = Directory
        .CreateTempSubdirectory("kconnector-providers-")
        .FullName;
    private readonly string _variable = "KCONNECTOR_PROVIDER_" + Guid.NewGuid().ToString("N");

    public WorkerConfigProvidersTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "allowed", "secrets"));
        Directory.CreateDirectory(Path.Combine(_root, "other"));
        File.WriteAllText(
            Path.Combine(_root, "allowed", "db.properties"),
            "password=" + Secret + "\n"
        );
        File.WriteAllText(
            Path.Combine(_root, "other", "db.properties"),
            "password=" + Secret + "\n"
        );
        File.WriteAllText(Path.Combine(_root, "allowed", "secrets", "api-key"), Secret + "\n");
        Environment.SetEnvironmentVariable(_variable, Secret);
    }

    [Fact]
    public void WithoutConfigProviders_EnvAndFileAreAvailable_AsBefore()
    {
        var resolver = WorkerConfigProviders.CreateResolver(new Dictionary<string, string>());

        Assert.Same(ConfigValueResolver.BuiltIn, resolver);
        Assert.Equal(["env", "file"], resolver.ProviderNames);
        Assert.Equal(Secret, Resolve(resolver, "${env:" + _variable + "}"));
    }

    [Fact]
    public void NamedProviders_AreCreatedFromTheirDescriptors_ByClassNameOrAlias()
    {
        var resolver = WorkerConfigProviders.CreateResolver(
            new Dictionary<string, string>
            {
                ["config.providers"] = "file, dir ,environment",
                ["config.providers.file.class"] =
                    "org.apache.kafka.common.config.provider.FileConfigProvider",
                ["config.providers.dir.class"] = "DirectoryConfigProvider",
                ["config.providers.environment.class"] = "EnvVar",
            }
        );

        Assert.Equal(["file", "dir", "environment"], resolver.ProviderNames);
        var db = Path.Combine(_root, "allowed", "db.properties");
        Assert.Equal(Secret, Resolve(resolver, "${file:" + db + ":password}"));
        // DirectoryConfigProvider: the whole content, trailing newline included (as Kafka reads it).
        var secrets = Path.Combine(_root, "allowed", "secrets");
        Assert.Equal(Secret + "\n", Resolve(resolver, "${dir:" + secrets + ":api-key}"));
        Assert.Equal(Secret, Resolve(resolver, "${environment:" + _variable + "}"));
    }

    [Fact]
    public void AllowedPaths_RefuseFilesOutsideThem_AndClimbingOut()
    {
        var allowed = Path.Combine(_root, "allowed");
        var resolver = WorkerConfigProviders.CreateResolver(
            new Dictionary<string, string>
            {
                ["config.providers"] = "file,dir",
                ["config.providers.file.class"] = "FileConfigProvider",
                ["config.providers.file.param.allowed.paths"] = allowed,
                ["config.providers.dir.class"] = "DirectoryConfigProvider",
                ["config.providers.dir.param.allowed.paths"] = allowed,
            }
        );
        var issues = new List<ConfigIssue>();

        var resolved = resolver.Resolve(
            new Dictionary<string, string?>
            {
                ["inside"] = "${file:" + Path.Combine(allowed, "db.properties") + ":password}",
                ["outside"] =
                    "${file:" + Path.Combine(_root, "other", "db.properties") + ":password}",
                ["climbing"] = "${file:" + allowed + "/../other/db.properties:password}",
                ["dir.outside"] = "${dir:" + Path.Combine(_root, "other") + ":db.properties}",
                ["dir.climbing"] =
                    "${dir:" + Path.Combine(allowed, "secrets") + ":../db.properties}",
            },
            issues
        );

        Assert.Equal(Secret, resolved["inside"]);
        Assert.Equal(
            ["climbing", "dir.climbing", "dir.outside", "outside"],
            issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );
        Assert.Contains(
            "is not in allowed.paths",
            issues.Single(i => i.Key == "outside").Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "is not in allowed.paths",
            issues.Single(i => i.Key == "climbing").Message,
            StringComparison.Ordinal
        );
        Assert.All(issues, i => Assert.DoesNotContain(Secret, i.Message, StringComparison.Ordinal));
        // The unresolved text stays: nothing read is kept.
        Assert.StartsWith("${file:", resolved["outside"], StringComparison.Ordinal);
    }

    [Fact]
    public void AllowlistPattern_LimitsTheEnvironmentVariables()
    {
        var resolver = WorkerConfigProviders.CreateResolver(
            new Dictionary<string, string>
            {
                ["config.providers"] = "env",
                ["config.providers.env.class"] = "EnvVarConfigProvider",
                ["config.providers.env.param.allowlist.pattern"] = "KCONNECTOR_PROVIDER_.*",
            }
        );
        var issues = new List<ConfigIssue>();

        var resolved = resolver.Resolve(
            new Dictionary<string, string?>
            {
                ["ok"] = "${env:" + _variable + "}",
                ["home"] = "${env:HOME}",
                ["with.path"] = "${env:somewhere:" + _variable + "}",
            },
            issues
        );

        Assert.Equal(Secret, resolved["ok"]);
        Assert.Equal(
            ["home", "with.path"],
            issues.Select(i => i.Key).Order(StringComparer.Ordinal)
        );
        Assert.Contains(
            "does not match allowlist.pattern",
            issues.Single(i => i.Key == "home").Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "a path is not supported",
            issues.Single(i => i.Key == "with.path").Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AnEmptyConfigProviders_GivesNone_AndAReferenceIsRefusedNamingTheConnectorKey()
    {
        var resolver = WorkerConfigProviders.CreateResolver(
            new Dictionary<string, string> { ["config.providers"] = "" }
        );
        var issues = new List<ConfigIssue>();

        resolver.Resolve(
            new Dictionary<string, string?>
            {
                ["connection.password"] = "${env:" + _variable + "}",
            },
            issues
        );

        var issue = Assert.Single(issues);
        Assert.Equal("connection.password", issue.Key);
        Assert.Contains(
            "config provider 'env', which is not registered (known: none",
            issue.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(Secret, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "config.providers.vault.class",
        "com.example.NoSuchProvider",
        "config.providers.vault.class",
        "is not a config provider"
    )]
    [InlineData(
        "config.providers.vault.class",
        "FileConfigProvder",
        "config.providers.vault.class",
        "Did you mean"
    )]
    [InlineData(
        "config.providers.other",
        "x",
        "config.providers.vault.class",
        "a value is required: config.providers names the provider 'vault'"
    )]
    public void AWrongProviderClass_IsAnErrorNamingItsKey(
        string key,
        string value,
        string named,
        string says
    )
    {
        var settings = new Dictionary<string, string>
        {
            ["config.providers"] = "vault",
            [key] = value,
        };

        var error = Assert.Throws<ConfigException>(() =>
            WorkerConfigProviders.CreateResolver(settings)
        );

        Assert.Equal(named, error.Key);
        Assert.Contains(named + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongParameters_AreErrorsNamingTheirKeys()
    {
        var error = Assert.Throws<ConfigException>(() =>
            WorkerConfigProviders.CreateResolver(
                new Dictionary<string, string>
                {
                    ["config.providers"] = "file,dir",
                    ["config.providers.file.class"] = "FileConfigProvider",
                    ["config.providers.file.param.allowed.path"] = "/etc",
                    ["config.providers.dir.class"] = "DirectoryConfigProvider",
                    ["config.providers.dir.param.allowed.paths"] = "relative/dir",
                }
            )
        );

        Assert.Contains(
            "config.providers.file.param.allowed.path: is not a parameter of org.apache.kafka.common.config.provider.FileConfigProvider",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Did you mean \"config.providers.file.param.allowed.paths\"?",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "config.providers.dir.param.allowed.paths: the path relative/dir in allowed.paths is not absolute",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AThirdPartyProvider_RegisteredFromItsDescriptor_IsNamedFromTheWorkerConfig()
    {
        InMemoryVaultProviderPlugin.Register();
        InMemoryVaultProvider.Secrets["kv/db/password"] = Secret;

        var resolver = WorkerConfigProviders.CreateResolver(
            new Dictionary<string, string>
            {
                ["config.providers"] = "vault",
                ["config.providers.vault.class"] = "com.example.vault.InMemoryVaultProvider",
                ["config.providers.vault.param.mount"] = "kv",
            }
        );

        Assert.Equal(Secret, Resolve(resolver, "${vault:db:password}"));
        Assert.Same(
            ConfigProviderPlugins.Find("InMemoryVaultProvider"),
            ConfigProviderPlugins.All.Single(p =>
                p.Descriptor == typeof(InMemoryVaultProviderPlugin)
            )
        );
        // Its required parameter is checked against its descriptor.
        var missing = Assert.Throws<ConfigException>(() =>
            WorkerConfigProviders.CreateResolver(
                new Dictionary<string, string>
                {
                    ["config.providers"] = "vault",
                    ["config.providers.vault.class"] = "InMemoryVaultProvider",
                }
            )
        );
        Assert.Equal("config.providers.vault.param.mount", missing.Key);
    }

    [Fact]
    public void TheBuiltInDescriptors_CarryKafkasNamesAndParameters()
    {
        Assert.Equal(
            [
                "org.apache.kafka.common.config.provider.DirectoryConfigProvider",
                "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                "org.apache.kafka.common.config.provider.FileConfigProvider",
            ],
            ConfigProviderPlugins.BuiltIn.Select(p => p.ClassName)
        );
        Assert.Equal(
            ["allowed.paths"],
            FileConfigProviderPlugin.Definition.Keys.Select(k => k.Name)
        );
        Assert.Equal(
            ["allowed.paths"],
            DirectoryConfigProviderPlugin.Definition.Keys.Select(k => k.Name)
        );
        Assert.Equal(
            ["allowlist.pattern"],
            EnvVarConfigProviderPlugin.Definition.Keys.Select(k => k.Name)
        );
        Assert.True(KConnector.Worker.ConnectorConfig.IsWorkerKey("config.providers"));
        Assert.True(
            KConnector.Worker.ConnectorConfig.IsWorkerKey(
                "config.providers.file.param.allowed.paths"
            )
        );
    }

    private static string? Resolve(ConfigValueResolver resolver, string value)
    {
        var issues = new List<ConfigIssue>();
        var resolved = resolver.Resolve(new Dictionary<string, string?> { ["k"] = value }, issues);
        Assert.Empty(issues);
        return resolved["k"];
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_root, recursive: true);
    }
}

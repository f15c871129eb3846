using KConnector.Configuration;

namespace KConnector.Tests.Configuration;

public sealed class ConfigValueResolverTests : IDisposable
{
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-config-")
        .FullName;

    [Fact]
    public void EnvAndFileReferences_AreReplaced_InsideLongerValues()
    {
        var variable = "KCONNECTOR_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "db.internal");
        File.WriteAllText(Path.Combine(_directory, "secrets.properties"), "db.password=hunter2\n");
        var resolver = Resolver();
        var issues = new List<ConfigIssue>();
        try
        {
            var resolved = resolver.Resolve(
                new Dictionary<string, string?>
                {
                    ["connection.url"] = $"Host=${{env:{variable}}};Port=5432",
                    ["connection.password"] = "${file:secrets.properties:db.password}",
                    ["plain"] = "no reference",
                    ["none"] = null,
                },
                issues
            );

            Assert.Empty(issues);
            Assert.Equal("Host=db.internal;Port=5432", resolved["connection.url"]);
            Assert.Equal("hunter2", resolved["connection.password"]);
            Assert.Equal("no reference", resolved["plain"]);
            Assert.Null(resolved["none"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void UnresolvableReferences_AreIssuesNamingTheKeyAndTheReference()
    {
        File.WriteAllText(Path.Combine(_directory, "secrets.properties"), "other=1\n");
        var issues = new List<ConfigIssue>();

        var resolved = Resolver()
            .Resolve(
                new Dictionary<string, string?>
                {
                    ["a"] = "${env:KCONNECTOR_SURELY_UNSET_VARIABLE}",
                    ["b"] = "${file:secrets.properties:db.password}",
                    ["c"] = "${file:missing.properties:x}",
                    ["d"] = "${vault:secret/db:password}",
                },
                issues
            );

        Assert.Equal(["a", "b", "c", "d"], issues.Select(i => i.Key));
        Assert.Contains(
            "KCONNECTOR_SURELY_UNSET_VARIABLE is not set",
            issues[0].Message,
            StringComparison.Ordinal
        );
        Assert.Contains("has no key 'db.password'", issues[1].Message, StringComparison.Ordinal);
        Assert.Contains("cannot read", issues[2].Message, StringComparison.Ordinal);
        Assert.Contains(
            "config provider 'vault', which is not registered",
            issues[3].Message,
            StringComparison.Ordinal
        );
        Assert.Equal("${env:KCONNECTOR_SURELY_UNSET_VARIABLE}", resolved["a"]);
    }

    private ConfigValueResolver Resolver() =>
        new(
            new Dictionary<string, IConfigProvider>
            {
                ["env"] = new EnvironmentConfigProvider(),
                ["file"] = new FileConfigProvider(_directory),
            }
        );

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

namespace KConnector.Templates.Tests;

/// <summary>
/// Native AOT as a way to ship a worker (docs/native-aot.md): the template's project publishes with
/// the one documented command, warnings still errors, and the native binary runs its connector on
/// the embedded cluster. Confluent.Kafka needs its assembly rooted (the KConnector package's
/// build targets do it); without that the binary crashes at start in Librdkafka.SetDelegates.
/// </summary>
public sealed class NativeAotTests(TemplatePack pack) : IClassFixture<TemplatePack>
{
    // The native compile alone takes about 1.5 min on a quiet 2-core machine.
    private static readonly TimeSpan PublishDeadline = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task TemplateProject_PublishesNativeAot_AndTheBinaryRunsItsConnector()
    {
        var (directory, created) = await pack.NewAsync("native-aot", "--skip-restore");
        Assert.True(created.ExitCode == 0, "dotnet new failed:\n" + created.Output);
        var output = Path.Combine(directory, "native");

        var publish = await DotnetCommand.RunAsync(
            directory,
            pack.Environment,
            PublishDeadline,
            "publish",
            "Shop.Orders.csproj",
            "-c",
            "Release",
            "-r",
            "linux-x64",
            "-p:PublishAot=true",
            "-o",
            output
        );

        Assert.True(
            publish.ExitCode == 0,
            "dotnet publish -p:PublishAot=true failed:\n" + publish.Output
        );
        var binary = Path.Combine(output, "Shop.Orders");
        Assert.True(File.Exists(binary), "no native binary in " + output + ":\n" + publish.Output);
        // A native binary has no managed entry assembly beside it: this is not a JIT publish.
        Assert.False(File.Exists(Path.Combine(output, "Shop.Orders.dll")));

        var run = await DotnetCommand.RunProgramAsync(
            binary,
            output,
            pack.Environment,
            TimeSpan.FromMinutes(2),
            text => text.Contains(": 100 records processed", StringComparison.Ordinal)
        );
        Assert.True(
            run.ExitCode == 0,
            "the native worker never reported its 100 records:\n" + run.Output
        );
        Assert.Contains("EMBEDDED Kafka cluster", run.Output, StringComparison.Ordinal);
    }
}

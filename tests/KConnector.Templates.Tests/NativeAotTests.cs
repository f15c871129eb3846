using System.Text;
using KConnector.Templates.Tests.NativeAot;

namespace KConnector.Templates.Tests;

/// <summary>
/// Native AOT as a way to ship a worker (docs/native-aot.md): the template's project publishes with
/// the one documented command, warnings still errors, and the native binary runs its connector on
/// the embedded cluster and answers Kafka Connect's REST API. Confluent.Kafka needs its assembly rooted (the KConnector package's
/// build targets do it); without that the binary crashes at start in Librdkafka.SetDelegates.
/// The same binary also runs the JSON Schema converter with the validation the generator compiled
/// (<see cref="JsonSchemaSelfCheck"/>), without a warning and without NJsonSchema or Newtonsoft.Json
/// in it: the package's feature switch leaves that library road out of a native binary.
/// </summary>
public sealed class NativeAotTests(TemplatePack pack) : IClassFixture<TemplatePack>
{
    // The native compile alone takes about 1.5 min on a quiet 2-core machine (ASP.NET Core's
    // Kestrel and minimal APIs included); with the other test projects on it, over 20 min.
    private static readonly TimeSpan PublishDeadline = TimeSpan.FromMinutes(40);

    [Fact]
    public async Task TemplateProject_PublishesNativeAot_AndTheBinaryRunsItsConnector()
    {
        var (directory, created) = await pack.NewAsync("native-aot", "--skip-restore");
        Assert.True(created.ExitCode == 0, "dotnet new failed:\n" + created.Output);
        JsonSchemaSelfCheck.AddTo(directory);
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
        // Warning-free: no trim or AOT analysis warning (IL2xxx, IL3xxx) from any assembly but
        // Confluent.Kafka's one IL2104, which the KConnector package handles by rooting it
        // (docs/native-aot.md).
        Assert.DoesNotContain(
            publish.Output.Split('\n'),
            line =>
                line.Contains("warning IL", StringComparison.Ordinal)
                && !line.Contains(
                    "warning IL2104: Assembly 'Confluent.Kafka'",
                    StringComparison.Ordinal
                )
        );
        var binary = Path.Combine(output, "Shop.Orders");
        Assert.True(File.Exists(binary), "no native binary in " + output + ":\n" + publish.Output);
        // A native binary has no managed entry assembly beside it: this is not a JIT publish.
        Assert.False(File.Exists(Path.Combine(output, "Shop.Orders.dll")));
        // The JSON Schema library road was cut: a native binary keeps the names of what it compiled
        // (stack trace and reflection data); the same project published with
        // -p:KConnectorJsonSchemaLibraryValidation=true holds both names, this one neither.
        var image = await File.ReadAllBytesAsync(binary);
        foreach (var library in new[] { "NJsonSchema", "Newtonsoft.Json" })
        {
            Assert.True(
                image.AsSpan().IndexOf(Encoding.ASCII.GetBytes(library)) < 0,
                $"the native binary carries {library}: the JSON Schema library road was not cut"
            );
        }

        // Its Kafka Connect REST API too: minimal APIs and System.Text.Json source-generated, no
        // reflection left for the trimmer to cut.
        var checkedApi = false;
        var run = await DotnetCommand.RunProgramAsync(
            binary,
            output,
            pack.Environment,
            TimeSpan.FromMinutes(2),
            async text =>
            {
                if (
                    !text.Contains(": 100 records processed", StringComparison.Ordinal)
                    || GeneratedWorkerRestApi.Address(text) is not { } api
                )
                {
                    return false;
                }
                await GeneratedWorkerRestApi.AssertRunningThenPausedAsync(api, "source");
                checkedApi = true;
                return true;
            },
            GeneratedWorkerRestApi.AnyFreePort
        );
        Assert.True(
            run.ExitCode == 0,
            "the native worker never reported its 100 records:\n" + run.Output
        );
        Assert.True(checkedApi, "the native worker's REST API was not asked:\n" + run.Output);
        Assert.Contains("EMBEDDED Kafka cluster", run.Output, StringComparison.Ordinal);
        AssertJsonSchemaChecked(run.Output);
    }

    // The lines JsonSchemaSelfCheck logs: a record written and read back, an invalid one refused with
    // the compiled validation's paths and kinds, and a foreign writer's record checked against the
    // type's own compiled schema (the library that would check the writer's schema is not there).
    private static void AssertJsonSchemaChecked(string output)
    {
        string[] expected =
        [
            "json-schema check: compiled True, round trip S-42/3/dhl",
            "json-schema check: refused ",
            "PatternMismatch at $.shipment_id",
            "NumberTooSmall at $.quantity",
            "json-schema check: foreign writer refused NumberTooBig at $.quantity",
        ];
        foreach (var line in expected)
        {
            Assert.True(
                output.Contains(line, StringComparison.Ordinal),
                $"the native worker did not log \"{line}\":\n{output}"
            );
        }
        Assert.DoesNotContain("json-schema check: an invalid", output, StringComparison.Ordinal);
        Assert.DoesNotContain("foreign writer accepted", output, StringComparison.Ordinal);
    }
}

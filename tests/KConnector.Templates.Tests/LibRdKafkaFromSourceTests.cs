using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;

namespace KConnector.Templates.Tests;

/// <summary>
/// The fresh-machine path of a NuGet source that does not serve librdkafka.redist: build.sh builds
/// librdkafka from source and packs it, and a project restored against a mirror offering only that
/// package (and an empty NuGet cache) runs the embedded cluster and a Confluent.Kafka producer on it.
/// The other path, the real package from nuget.org, is what every other test runs on (issue 12).
/// </summary>
public sealed class LibRdKafkaFromSourceTests(TemplatePack pack) : IClassFixture<TemplatePack>
{
    // About a minute on a quiet 2-core machine; far more while the other test projects run beside it.
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(25);

    [Fact]
    public async Task BuiltFromSource_RestoresAndRunsTheEmbeddedClusterAndAProducer()
    {
        await pack.EnsureInstalledAsync();
        var work = Directory.CreateTempSubdirectory("kconnector-rdkafka-source-").FullName;
        try
        {
            var package = await BuildFromSourceAsync(Path.Combine(work, "cache"));
            var feed = Directory.CreateDirectory(Path.Combine(work, "native-feed")).FullName;
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)));
            AssertHoldsOneLinuxLibrary(package);

            var project = WriteProbeProject(Path.Combine(work, "probe"), feed);
            var environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Directory
                    .CreateDirectory(Path.Combine(work, "nuget-packages"))
                    .FullName,
            };
            var run = await DotnetCommand.RunAsync(
                project,
                environment,
                TemplatePack.CommandDeadline,
                "run",
                "-c",
                "Release"
            );

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("librdkafka 2.15.1", run.Output, StringComparison.Ordinal);
            Assert.Contains("delivered: hello at offset 0", run.Output, StringComparison.Ordinal);
            // The one library both halves bound is the locally built one, byte for byte.
            var loaded = run
                .Output.Split('\n')
                .Single(l => l.StartsWith("loaded from ", StringComparison.Ordinal))[
                    "loaded from ".Length..
                ]
                .Trim();
            Assert.Equal(
                LibraryHash(package),
                Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(loaded)))
            );
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<string> BuildFromSourceAsync(string cache)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = pack.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(pack.Root, "build.sh"));
        start.ArgumentList.Add("librdkafka-from-source");
        start.Environment["KCONNECTOR_CACHE"] = cache;
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(BuildDeadline);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, "build.sh librdkafka-from-source failed:\n" + text);
        var package = (await output).TrimEnd().Split('\n')[^1];
        Assert.True(File.Exists(package), "no package at the path build.sh printed:\n" + text);
        return package;
    }

    private static string LibraryHash(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var library = zip.GetEntry("runtimes/linux-x64/native/librdkafka.so")!.Open();
        return Convert.ToHexString(SHA256.HashData(library));
    }

    private static void AssertHoldsOneLinuxLibrary(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var natives = zip
            .Entries.Where(e => e.FullName.StartsWith("runtimes/", StringComparison.Ordinal))
            .Select(e => e.FullName)
            .ToList();
        Assert.Equal(["runtimes/linux-x64/native/librdkafka.so"], natives);
    }

    // A console project as a user would write it, restored against a mirror whose only
    // librdkafka.redist is the one built from source.
    private string WriteProbeProject(string directory, string nativeFeed)
    {
        Directory.CreateDirectory(directory);
        var version = Path.GetFileNameWithoutExtension(
            Directory.GetFiles(pack.Packages, "KConnector.0.*.nupkg")[0]
        )["KConnector.".Length..];
        File.WriteAllText(
            Path.Combine(directory, "Probe.csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KConnector" Version="{version}" />
              </ItemGroup>
            </Project>
            """
        );
        File.WriteAllText(
            Path.Combine(directory, "nuget.config"),
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="native" value="{nativeFeed}" />
                <add key="kconnector" value="{pack.Packages}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                <packageSource key="native"><package pattern="librdkafka.redist" /></packageSource>
                <packageSource key="kconnector">
                  <package pattern="KConnector" />
                  <package pattern="KConnector.*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """
        );
        File.WriteAllText(
            Path.Combine(directory, "Program.cs"),
            """
            using System.Diagnostics;
            using Confluent.Kafka;
            using KConnector.Kafka;

            using var kafka = EmbeddedKafka.Start(brokerCount: 1);
            Console.WriteLine("librdkafka " + Library.VersionString);
            using var process = Process.GetCurrentProcess();
            // One mapping only: the clients and the embedded cluster share the library.
            var loaded = process.Modules.Cast<ProcessModule>().Single(m => m.ModuleName.Contains("librdkafka"));
            Console.WriteLine("loaded from " + loaded.FileName);
            using var producer = new ProducerBuilder<Null, string>(
                new ProducerConfig { BootstrapServers = kafka.BootstrapServers }
            ).Build();
            var result = await producer.ProduceAsync("probe", new Message<Null, string> { Value = "hello" });
            Console.WriteLine($"delivered: {result.Message.Value} at offset {result.Offset.Value}");
            """
        );
        return directory;
    }
}

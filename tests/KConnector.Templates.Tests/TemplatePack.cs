namespace KConnector.Templates.Tests;

/// <summary>
/// The template pack as build.sh packed it (artifacts/packages), installed into a template hive of
/// its own so that the machine's templates are left alone. Projects are made in a temporary folder
/// outside the repository (so that nothing of the repository's MSBuild files applies) and restore
/// into one NuGet packages folder under artifacts/ that every variant and every run shares; the
/// KConnector packages in it are removed first, so the freshly built ones are the ones tested.
/// </summary>
public sealed class TemplatePack : IDisposable
{
    /// <summary>Long enough for a restore and a build on a busy 2-core machine.</summary>
    public static readonly TimeSpan CommandDeadline = TimeSpan.FromMinutes(8);

    private readonly string? _missing;

    /// <summary>Finds the packages and installs the pack.</summary>
    public TemplatePack()
    {
        Root = FindRoot();
        Packages = Path.Combine(Root, "artifacts", "packages");
        var pack = Directory.Exists(Packages)
            ? Directory
                .GetFiles(Packages, "KConnector.Templates.*.nupkg")
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        var runtime = Directory.Exists(Packages)
            ? Directory.GetFiles(Packages, "KConnector.0.*.nupkg")
            : [];
        if (pack is null || runtime.Length == 0)
        {
            _missing =
                $"the KConnector packages are not in {Packages} (KConnector.*.nupkg and KConnector.Templates.*.nupkg): run ./build.sh test, which packs them before the tests run";
            Work = Hive = NuGetPackages = string.Empty;
            return;
        }
        PackPath = pack;
        Work = Directory.CreateTempSubdirectory("kconnector-templates-").FullName;
        Hive = Path.Combine(Work, "hive");
        NuGetPackages = Path.Combine(Root, "artifacts", "template-tests", "packages");
        RemoveStaleKConnectorPackages(NuGetPackages);
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = NuGetPackages };
    }

    // Each test class has its own fixture and the classes run in parallel: the stale packages are
    // removed once per test run, by the first fixture, before any class restores; a fixture made
    // later must not remove what a running class's build is reading (CS0006 in the CI run).
    private static readonly Lock StaleGate = new();
    private static bool s_staleRemoved;

    private static void RemoveStaleKConnectorPackages(string nuGetPackages)
    {
        lock (StaleGate)
        {
            Directory.CreateDirectory(nuGetPackages);
            if (s_staleRemoved)
            {
                return;
            }
            foreach (var stale in Directory.GetDirectories(nuGetPackages, "kconnector*"))
            {
                Directory.Delete(stale, recursive: true);
            }
            s_staleRemoved = true;
        }
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }

    /// <summary>artifacts/packages.</summary>
    public string Packages { get; }

    /// <summary>The template pack's .nupkg.</summary>
    public string PackPath { get; } = string.Empty;

    /// <summary>A temporary folder for the hive and the projects.</summary>
    public string Work { get; }

    /// <summary>The isolated template hive.</summary>
    public string Hive { get; }

    /// <summary>The shared NuGet packages folder.</summary>
    public string NuGetPackages { get; }

    /// <summary>Environment for every dotnet command.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } =
        new Dictionary<string, string>();

    private bool _installed;

    /// <summary>Fails the test, saying what to do, when build.sh has not packed the packages.</summary>
    public async Task EnsureInstalledAsync()
    {
        Assert.True(_missing is null, _missing);
        if (_installed)
        {
            return;
        }
        var install = await DotnetAsync(
            Work,
            "new",
            "install",
            PackPath,
            "--debug:custom-hive",
            Hive
        );
        Assert.True(install.ExitCode == 0, "dotnet new install failed:\n" + install.Output);
        _installed = true;
    }

    /// <summary>Runs <c>dotnet new kconnector</c> into a new folder under <see cref="Work"/>.</summary>
    public async Task<(string Directory, CommandResult Result)> NewAsync(
        string folder,
        params string[] options
    )
    {
        await EnsureInstalledAsync();
        var directory = Path.Combine(Work, folder);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        string[] arguments =
        [
            "new",
            "kconnector",
            "-n",
            "Shop.Orders",
            "-o",
            directory,
            .. options,
            "--debug:custom-hive",
            Hive,
        ];
        var result = await DotnetAsync(Work, arguments);
        return (directory, result);
    }

    /// <summary>Runs a dotnet command that runs until stopped, until its output says <paramref name="stopWhen"/>.</summary>
    public Task<CommandResult> DotnetUntilAsync(
        string workingDirectory,
        Func<string, bool> stopWhen,
        TimeSpan deadline,
        params string[] arguments
    ) => DotnetCommand.RunAsync(workingDirectory, Environment, deadline, stopWhen, arguments);

    /// <summary>As above, with a check that may talk to the running program.</summary>
    public Task<CommandResult> DotnetUntilAsync(
        string workingDirectory,
        Func<string, Task<bool>> stopWhen,
        TimeSpan deadline,
        params string[] arguments
    ) =>
        DotnetCommand.RunProgramAsync(
            "dotnet",
            workingDirectory,
            Environment,
            deadline,
            stopWhen,
            arguments
        );

    /// <summary>Runs a dotnet command with the shared packages folder.</summary>
    public Task<CommandResult> DotnetAsync(string workingDirectory, params string[] arguments) =>
        DotnetCommand.RunAsync(workingDirectory, Environment, CommandDeadline, arguments);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln"))
        )
        {
            directory = directory.Parent;
        }
        return directory?.FullName
            ?? throw new InvalidOperationException(
                "Generator.sln not found above " + AppContext.BaseDirectory
            );
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Work.Length > 0 && System.IO.Directory.Exists(Work))
        {
            System.IO.Directory.Delete(Work, recursive: true);
        }
    }
}

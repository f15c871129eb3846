namespace KConnector.Cli.Tests;

/// <summary>
/// A temporary folder outside any project holding the test spec and its schema (as a user's spec
/// folder would), plus whatever files a test writes there.
/// </summary>
public sealed class SpecFolder : IDisposable
{
    public SpecFolder()
    {
        Path = Directory.CreateTempSubdirectory("kconnector-cli-").FullName;
        foreach (
            var file in Directory.GetFiles(
                System.IO.Path.Combine(AppContext.BaseDirectory, "Specs")
            )
        )
        {
            System.IO.File.Copy(
                file,
                System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file))
            );
        }
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The valid file-sink spec.</summary>
    public string Spec => File("orders-file-sink.connector.json");

    /// <summary>A path in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a spec with <paramref name="text"/> and returns its path.</summary>
    public string Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text);
        return File(name);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}

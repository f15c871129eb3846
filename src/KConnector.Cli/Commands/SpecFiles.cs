namespace KConnector.Cli.Commands;

/// <summary>Checks the spec paths a command was given before anything is compiled.</summary>
internal static class SpecFiles
{
    /// <summary>Writes one line per missing file; true when every file exists.</summary>
    public static async Task<bool> AllExistAsync(IEnumerable<FileInfo> specs, TextWriter error)
    {
        var ok = true;
        foreach (var spec in specs)
        {
            if (!spec.Exists)
            {
                await error.WriteLineAsync($"{spec.FullName}: no such file").ConfigureAwait(false);
                ok = false;
            }
        }
        return ok;
    }
}

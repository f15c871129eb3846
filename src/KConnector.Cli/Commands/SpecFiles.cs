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

    /// <summary>The spec whose <c>name</c> is <paramref name="name"/>, or null.</summary>
    public static FileInfo? Named(IEnumerable<FileInfo> specs, string name) =>
        specs.FirstOrDefault(spec =>
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(
                    File.ReadAllText(spec.FullName)
                );
                return document.RootElement.TryGetProperty("name", out var value)
                    && value.ValueKind == System.Text.Json.JsonValueKind.String
                    && value.GetString() == name;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        });
}

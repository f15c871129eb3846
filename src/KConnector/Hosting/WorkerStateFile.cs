using System.Text.Json;
using System.Text.Json.Nodes;

namespace KConnector.Hosting;

/// <summary>
/// A JSON object a standalone worker keeps in a local file of its own (the connector configs of
/// <c>config.storage.file.filename</c>, the active topics beside them): read whole at start and
/// rewritten whole to a temporary file that is moved over the old one, so a crash leaves the old
/// or the new, never half. Linked into KConnector.Rest, which keeps the connector configs.
/// </summary>
internal static class WorkerStateFile
{
    /// <summary>
    /// Reads <paramref name="file"/>; a file this worker did not write (not JSON, not an object,
    /// not of the shape <paramref name="read"/> expects) fails naming the file and the key it
    /// comes from, e.g. <c>the connector configs file '/x/c.json' (config.storage.file.filename)</c>.
    /// </summary>
    public static T Read<T>(string file, string what, string key, Func<JsonObject, T> read)
    {
        try
        {
            var root =
                JsonNode.Parse(File.ReadAllText(file))?.AsObject()
                ?? throw new JsonException("the file is empty");
            return read(root);
        }
        catch (Exception e)
            when (e
                    is JsonException
                        or InvalidOperationException
                        or ArgumentException
                        or NullReferenceException
            )
        {
            throw new InvalidDataException(
                $"The {what} file '{file}' ({key}) is not one this worker wrote: {e.Message}",
                e
            );
        }
    }

    /// <summary>Reads <paramref name="file"/> into the caller's state, as <see cref="Read{T}"/>.</summary>
    public static void Read(string file, string what, string key, Action<JsonObject> read) =>
        Read(
            file,
            what,
            key,
            root =>
            {
                read(root);
                return true;
            }
        );

    /// <summary>
    /// Replaces <paramref name="file"/> with <paramref name="text"/> (its folder made if missing);
    /// <paramref name="ownerOnly"/> for a file holding secrets, readable by its owner alone.
    /// </summary>
    public static void Write(string file, string text, bool ownerOnly)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, text);
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, file, overwrite: true);
    }
}

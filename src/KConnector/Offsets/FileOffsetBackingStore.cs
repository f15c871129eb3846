using System.Text.Json;

namespace KConnector.Offsets;

/// <summary>
/// Offsets in a local file (<c>offset.storage.file.filename</c>), for standalone workers, as Kafka
/// Connect's <c>FileOffsetBackingStore</c>: the whole map is rewritten on each commit. The file is a
/// JSON object from offset key to offset value (Kafka Connect's file is Java-serialized, which .NET
/// cannot read or write; the keys and values are the same JSON text). Each write goes to a
/// temporary file that is flushed to disk and then renamed over the old one, so a crash leaves
/// either the old or the new offsets, never a torn file.
/// </summary>
public sealed class FileOffsetBackingStore : MemoryOffsetBackingStore
{
    private readonly string _path;
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Creates the store over <paramref name="path"/> (created on first commit).</summary>
    public FileOffsetBackingStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
    }

    /// <summary>The file's full path.</summary>
    public string FilePath => _path;

    /// <inheritdoc/>
    protected override ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return ValueTask.CompletedTask;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                Load(property.Name, property.Value.GetString() ?? "");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException(
                $"The offsets file '{_path}' (offset.storage.file.filename) is not a JSON object of strings: {e.Message}",
                e
            );
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override async ValueTask SetAsync(
        IReadOnlyCollection<KeyValuePair<string, string>> values,
        CancellationToken cancellationToken
    )
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await base.SetAsync(values, cancellationToken).ConfigureAwait(false);
            WriteFile();
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <inheritdoc/>
    public override async ValueTask RemoveAsync(
        IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken
    )
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await base.RemoveAsync(keys, cancellationToken).ConfigureAwait(false);
            WriteFile();
        }
        finally
        {
            _writing.Release();
        }
    }

    // The whole map, written to a temporary file and moved over the old one: a crash leaves
    // either the old file or the new one, never half of one.
    private void WriteFile()
    {
        {
            var temporary = _path + ".tmp";
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            using (
                var stream = new FileStream(
                    temporary,
                    FileMode.Create,
                    FileAccess.Write,
                    FileShare.None,
                    4096,
                    FileOptions.WriteThrough
                )
            )
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    foreach (var key in Data.Keys.Order(StringComparer.Ordinal))
                    {
                        writer.WriteString(key, Data[key]);
                    }
                    writer.WriteEndObject();
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, _path, overwrite: true);
        }
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        _writing.Dispose();
        return base.DisposeAsync();
    }
}

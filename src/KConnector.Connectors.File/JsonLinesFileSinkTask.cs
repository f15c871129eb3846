using System.Text.Json;
using KConnector.Json;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Connectors.File;

/// <summary>
/// Appends each record's value to a file as one JSON object per line, as Kafka Connect's
/// <c>FileStreamSinkTask</c> appends one line per record; a tombstone writes <c>null</c>.
/// <see cref="FlushAsync"/> forces the bytes to disk, so a committed offset never points past
/// data that a power cut could lose.
/// </summary>
/// <typeparam name="TKey">The key type (not written).</typeparam>
/// <typeparam name="TValue">A generated type that writes itself as JSON.</typeparam>
public sealed class JsonLinesFileSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>, IDisposable
    where TValue : IJsonRecord<TValue>
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] NullLine = "null\n"u8.ToArray();
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;
    private long _lines;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending.</summary>
    public JsonLinesFileSinkTask(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        _file = new FileStream(
            path,
            FileMode.Append,
            FileAccess.Write,
            FileShare.Read,
            bufferSize: 64 * 1024
        );
        _json = new Utf8JsonWriter(_file, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Lines written so far.</summary>
    public long LinesWritten => Interlocked.Read(ref _lines);

    /// <inheritdoc />
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (record.Value is { } value)
            {
                TValue.WriteJson(_json, value);
                _json.Flush();
                _json.Reset();
                _file.Write(NewLine);
            }
            else
            {
                _file.Write(NullLine);
            }
        }
        Interlocked.Add(ref _lines, records.Count);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _file.Flush(flushToDisk: true);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}

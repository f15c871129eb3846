using System.Text.Json;
using KConnector.Connectors.File.Sink;
using KConnector.Json;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Connectors.File;

/// <summary>
/// Appends each record's value to a file as one JSON object per line, as Kafka Connect's
/// <c>FileStreamSinkTask</c> appends one line per record; a tombstone writes <c>null</c>.
/// <see cref="FlushAsync"/> forces the bytes to disk, so a committed offset never points past
/// data that a power cut could lose. With <see cref="FileSinkOptions"/> the file is rolled by size
/// or age: the full file is forced to disk, closed and renamed <c>{name}.{sequence:D6}{extension}</c>
/// beside it (sequence numbers keep counting across restarts), and a new file is started.
/// </summary>
/// <typeparam name="TKey">The key type (not written).</typeparam>
/// <typeparam name="TValue">A generated type that writes itself as JSON.</typeparam>
public sealed class JsonLinesFileSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>, IDisposable
    where TValue : IJsonRecord<TValue>
{
    private readonly RollingLineFile _file;
    private readonly Utf8JsonWriter _json;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending; never rolls.</summary>
    public JsonLinesFileSinkTask(string path)
        : this(new FileSinkOptions { File = path }) { }

    /// <summary>Opens (or creates) the configured file for appending, rolling it as configured.</summary>
    public JsonLinesFileSinkTask(FileSinkOptions options, TimeProvider? time = null)
    {
        _file = new RollingLineFile(options, time);
        _json = new Utf8JsonWriter(_file.Current, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Files rolled so far by this task.</summary>
    public int FilesRolled => _file.FilesRolled;

    /// <summary>Lines written so far.</summary>
    public long LinesWritten => _file.LinesWritten;

    /// <inheritdoc />
    public ValueTask PutAsync(
        IReadOnlyList<SinkRecord<TKey, TValue>> records,
        CancellationToken cancellationToken
    )
    {
        _file.Append(records, _json, WriteJson);
        return ValueTask.CompletedTask;
    }

    // The writer is pointed at the file each time: a roll opens a new one.
    private static void WriteJson(Utf8JsonWriter json, FileStream file, TValue value)
    {
        json.Reset(file);
        TValue.WriteJson(json, value);
        json.Flush();
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _file.Flush();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}

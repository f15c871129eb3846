using System.Globalization;
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
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] NullLine = "null\n"u8.ToArray();
    private readonly string _path;
    private readonly long _rollSizeBytes;
    private readonly long _rollIntervalMs;
    private readonly TimeProvider _time;
    private FileStream _file;
    private Utf8JsonWriter _json;
    private DateTimeOffset _opened;
    private int _sequence;
    private long _lines;

    /// <summary>Opens (or creates) <paramref name="path"/> for appending; never rolls.</summary>
    public JsonLinesFileSinkTask(string path)
        : this(new FileSinkOptions { File = path }) { }

    /// <summary>Opens (or creates) the configured file for appending, rolling it as configured.</summary>
    public JsonLinesFileSinkTask(FileSinkOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.File);
        _path = Path.GetFullPath(options.File);
        _rollSizeBytes = options.RollSizeBytes;
        _rollIntervalMs = options.RollIntervalMs;
        _time = time ?? TimeProvider.System;
        var directory = Path.GetDirectoryName(_path);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        _sequence = LastRolledSequence();
        (_file, _json) = Open();
    }

    /// <summary>Files rolled so far by this task.</summary>
    public int FilesRolled { get; private set; }

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
            RollIfDue();
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

    private (FileStream File, Utf8JsonWriter Json) Open()
    {
        var file = new FileStream(
            _path,
            FileMode.Append,
            FileAccess.Write,
            FileShare.Read,
            bufferSize: 64 * 1024
        );
        _opened = _time.GetUtcNow();
        return (file, new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true }));
    }

    private void RollIfDue()
    {
        var bySize = _rollSizeBytes > 0 && _file.Position >= _rollSizeBytes;
        var byTime =
            _rollIntervalMs > 0
            && _file.Position > 0
            && _time.GetUtcNow() - _opened >= TimeSpan.FromMilliseconds(_rollIntervalMs);
        if (!bySize && !byTime)
        {
            return;
        }
        _file.Flush(flushToDisk: true);
        _json.Dispose();
        _file.Dispose();
        _sequence++;
        System.IO.File.Move(_path, RolledPath(_sequence));
        FilesRolled++;
        (_file, _json) = Open();
    }

    private string RolledPath(int sequence) =>
        Path.Combine(
            Path.GetDirectoryName(_path)!,
            Path.GetFileNameWithoutExtension(_path)
                + "."
                + sequence.ToString("D6", CultureInfo.InvariantCulture)
                + Path.GetExtension(_path)
        );

    private int LastRolledSequence()
    {
        var stem = Path.GetFileNameWithoutExtension(_path) + ".";
        var extension = Path.GetExtension(_path);
        var last = 0;
        foreach (
            var rolled in Directory.EnumerateFiles(
                Path.GetDirectoryName(_path)!,
                stem + "*" + extension
            )
        )
        {
            var name = Path.GetFileName(rolled);
            var middle = name[stem.Length..^extension.Length];
            if (
                middle.Length == 6
                && int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            )
            {
                last = Math.Max(last, n);
            }
        }
        return last;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}

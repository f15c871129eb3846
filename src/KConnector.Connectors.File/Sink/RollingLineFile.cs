using System.Globalization;

namespace KConnector.Connectors.File.Sink;

/// <summary>
/// The file a file sink task appends lines to, rolled by size or age (<see cref="FileSinkOptions"/>):
/// the full file is forced to disk, closed and renamed <c>{name}.{sequence:D6}{extension}</c> beside
/// it (sequence numbers keep counting across restarts), and a new file is started.
/// </summary>
internal sealed class RollingLineFile : IDisposable
{
    private static readonly byte[] NullLine = "null\n"u8.ToArray();
    private readonly string _path;
    private readonly long _rollSizeBytes;
    private readonly long _rollIntervalMs;
    private readonly TimeProvider _time;
    private DateTimeOffset _opened;
    private int _sequence;
    private long _lines;

    /// <summary>Opens (or creates) the configured file for appending.</summary>
    public RollingLineFile(FileSinkOptions options, TimeProvider? time)
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
        Current = Open();
    }

    /// <summary>The file lines are appended to now.</summary>
    public FileStream Current { get; private set; }

    /// <summary>Files rolled so far.</summary>
    public int FilesRolled { get; private set; }

    /// <summary>Lines written so far.</summary>
    public long LinesWritten => Interlocked.Read(ref _lines);

    /// <summary>
    /// Appends one line per record, as Kafka Connect's FileStreamSinkTask prints one per record:
    /// <paramref name="write"/> writes a value (without the newline), a tombstone is "null"; the
    /// file is rolled before a record when due.
    /// </summary>
    public void Append<TKey, TValue, TState>(
        IReadOnlyList<Records.SinkRecord<TKey, TValue>> records,
        TState state,
        Action<TState, FileStream, TValue> write
    )
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            RollIfDue();
            if (record.Value is { } value)
            {
                write(state, Current, value);
                Current.WriteByte((byte)'\n');
            }
            else
            {
                Current.Write(NullLine);
            }
        }
        Interlocked.Add(ref _lines, records.Count);
    }

    // Rolls the file when it is due (before a line is appended).
    private void RollIfDue()
    {
        var bySize = _rollSizeBytes > 0 && Current.Position >= _rollSizeBytes;
        var byTime =
            _rollIntervalMs > 0
            && Current.Position > 0
            && _time.GetUtcNow() - _opened >= TimeSpan.FromMilliseconds(_rollIntervalMs);
        if (!bySize && !byTime)
        {
            return;
        }
        Current.Flush(flushToDisk: true);
        Current.Dispose();
        _sequence++;
        System.IO.File.Move(_path, RolledPath(_sequence));
        FilesRolled++;
        Current = Open();
    }

    /// <summary>Forces the bytes written to disk, so a committed offset never points past data a power cut could lose.</summary>
    public void Flush() => Current.Flush(flushToDisk: true);

    private FileStream Open()
    {
        var file = new FileStream(
            _path,
            FileMode.Append,
            FileAccess.Write,
            FileShare.Read,
            bufferSize: 64 * 1024
        );
        _opened = _time.GetUtcNow();
        return file;
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
    public void Dispose() => Current.Dispose();
}

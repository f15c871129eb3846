using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KConnector.Connectors.Shapes;
using KConnector.Converters;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Connectors.File.Source;

/// <summary>
/// Tails a file or a directory of JSON-lines or CSV files into typed records, as Kafka Connect's
/// <c>FileStreamSourceTask</c> tails one file, with offsets that make restarts exact: each record's
/// offset is the byte position after its line (<c>{"position": n}</c>), and only complete lines
/// (ending in '\n') are read, so a restart from the stored position neither skips nor repeats a
/// line. A file's source partition is <c>{"fingerprint": h}</c>, a hash of its first line (CSV with
/// a header: its first two lines), not its path, so a rotated (renamed) file keeps its position;
/// an open file that is renamed or deleted is read to its end before it is let go; a file that
/// shrinks below the position (copytruncate) is read again from the start. A line that is not
/// valid JSON or CSV, or does not fit the record (a field of the wrong type, a required field
/// missing), is returned as <see cref="SourceRecord{TKey,TValue}.Unreadable"/> with its raw bytes,
/// for the worker's <c>errors.tolerance</c> and dead-letter queue.
/// </summary>
/// <typeparam name="TValue">The record type lines become (fields matched by name).</typeparam>
public sealed class FileSourceTask<TValue> : ISourceTask<string, TValue>, IDisposable
{
    private const int FingerprintBytes = 8192;
    private readonly FileSourceOptions _options;
    private readonly RecordAccessor<TValue> _value;
    private Func<
        IReadOnlyDictionary<string, string>,
        IReadOnlyDictionary<string, string>?
    >? _storedOffset;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, TailedFile> _byFingerprint = new(StringComparer.Ordinal);
    private readonly object?[] _values;
    private byte[] _buffer = new byte[64 * 1024];

    /// <summary>Creates the task.</summary>
    /// <param name="options">The parsed configuration.</param>
    /// <param name="value">Builds a <typeparamref name="TValue"/> from a line's field values.</param>
    /// <param name="storedOffset">The last committed offset of a source partition, or null (Kafka Connect's <c>OffsetStorageReader</c>).</param>
    /// <param name="time">The clock used for the idle pause.</param>
    public FileSourceTask(
        FileSourceOptions options,
        RecordAccessor<TValue> value,
        Func<
            IReadOnlyDictionary<string, string>,
            IReadOnlyDictionary<string, string>?
        >? storedOffset = null,
        TimeProvider? time = null
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(value);
        _options = options;
        _value = value;
        _storedOffset = storedOffset;
        _time = time ?? TimeProvider.System;
        _values = new object?[value.Shape.Fields.Count];
    }

    /// <summary>
    /// Run by a worker: committed offsets come from its offset store (Kafka Connect's
    /// <c>OffsetStorageReader</c>) unless the constructor was given a reader of its own.
    /// </summary>
    public void Initialize(SourceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _storedOffset ??= context.OffsetStorageReader.Offset;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SourceRecord<string, TValue>>> PollAsync(
        CancellationToken cancellationToken
    )
    {
        Scan();
        var records = new List<SourceRecord<string, TValue>>();
        // Files let go by their path (rotated away) first: their lines are older than the new file's.
        foreach (var file in _byFingerprint.Values.OrderBy(f => f.Path is null ? 0 : 1).ToArray())
        {
            if (records.Count >= _options.BatchSize)
            {
                break;
            }
            ReadLines(file, records);
            if (file.Path is null && file.Position >= file.Stream.Length)
            {
                _byFingerprint.Remove(file.Fingerprint);
                file.Dispose();
            }
        }
        if (records.Count == 0)
        {
            await Task.Delay(
                    TimeSpan.FromMilliseconds(_options.PollIntervalMs),
                    _time,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        return records;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var file in _byFingerprint.Values)
        {
            file.Dispose();
        }
        _byFingerprint.Clear();
    }

    private IEnumerable<string> Paths()
    {
        if (_options.File.Length > 0)
        {
            return System.IO.File.Exists(_options.File) ? [Path.GetFullPath(_options.File)] : [];
        }
        if (!System.IO.Directory.Exists(_options.Directory))
        {
            return [];
        }
        return new DirectoryInfo(_options.Directory)
            .EnumerateFiles(_options.FilePattern)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName)
            .ToArray();
    }

    private void Scan()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Paths())
        {
            var (fingerprint, header) = Fingerprint(path);
            if (fingerprint is null)
            {
                continue; // first line(s) not complete yet
            }
            seen.Add(fingerprint);
            if (_byFingerprint.TryGetValue(fingerprint, out var known))
            {
                known.Path = path; // same file, maybe renamed
                continue;
            }
            FileStream stream;
            try
            {
                stream = new FileStream(
                    path,
                    FileMode.Open,
                    FileAccess.Read,
                    FileShare.ReadWrite | FileShare.Delete,
                    1,
                    FileOptions.None
                );
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            var file = new TailedFile(fingerprint, path, stream, 0, header);
            if (
                _storedOffset?.Invoke(file.Partition) is { } stored
                && stored.TryGetValue("position", out var position)
            )
            {
                file.Position = long.Parse(
                    position,
                    NumberStyles.None,
                    CultureInfo.InvariantCulture
                );
            }
            _byFingerprint.Add(fingerprint, file);
        }
        foreach (var file in _byFingerprint.Values)
        {
            if (!seen.Contains(file.Fingerprint))
            {
                file.Path = null; // rotated away or deleted: drain through the open handle
            }
        }
    }

    private (string? Fingerprint, IReadOnlyList<string>? Header) Fingerprint(string path)
    {
        var lines = _options.Format == FileFormat.Csv && _options.CsvHeader ? 2 : 1;
        Span<byte> head = stackalloc byte[FingerprintBytes];
        int read;
        try
        {
            using var stream = new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete,
                1,
                FileOptions.None
            );
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (FileNotFoundException)
        {
            return (null, null);
        }
        var end = 0;
        for (var found = 0; found < lines; found++)
        {
            var newline = head[end..read].IndexOf((byte)'\n');
            if (newline < 0)
            {
                // Lines longer than the window: the window itself identifies the file once it is full.
                if (read < head.Length)
                {
                    return (null, null);
                }
                end = read;
                break;
            }
            end += newline + 1;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(head[..end]))[..32];
        IReadOnlyList<string>? header = null;
        if (_options.Format == FileFormat.Csv && _options.CsvHeader)
        {
            var first = Encoding
                .UTF8.GetString(head[..(head.IndexOf((byte)'\n') is var n and >= 0 ? n : end)])
                .TrimEnd('\r');
            header = CsvLine
                .Split(first, _options.CsvSeparator)
                .Select(h => h?.Trim() ?? string.Empty)
                .ToArray();
        }
        return (hash, header);
    }

    private void ReadLines(TailedFile file, List<SourceRecord<string, TValue>> records)
    {
        var stream = file.Stream;
        if (stream.Length < file.Position)
        {
            file.Position = 0; // truncated in place (copytruncate): start over
        }
        while (records.Count < _options.BatchSize && file.Position < stream.Length)
        {
            stream.Position = file.Position;
            var read = stream.ReadAtLeast(_buffer, _buffer.Length, throwOnEndOfStream: false);
            var consumed = 0;
            var start = 0;
            while (records.Count < _options.BatchSize)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', start, read - start);
                if (newline < 0)
                {
                    break;
                }
                var lineStart = file.Position + start;
                var raw = _buffer.AsSpan(start, newline - start);
                if (raw.Length > 0 && raw[^1] == (byte)'\r')
                {
                    raw = raw[..^1];
                }
                start = newline + 1;
                consumed = start;
                var isHeader =
                    lineStart == 0 && _options.Format == FileFormat.Csv && _options.CsvHeader;
                if (!isHeader && raw.Length > 0)
                {
                    records.Add(ToRecord(file, raw, lineStart, file.Position + consumed));
                }
            }
            if (consumed == 0)
            {
                if (read == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
                    continue;
                }
                return; // only a partial line: wait for its newline
            }
            file.Position += consumed;
        }
    }

    // A line that does not parse or does not fit the record becomes SourceRecord.Unreadable with
    // the line's bytes: the worker fails the task (errors.tolerance=none; this offset is not
    // committed, so the line is read again after a restart) or dead-letters it (all).
    private SourceRecord<string, TValue> ToRecord(
        TailedFile file,
        ReadOnlySpan<byte> raw,
        long lineStart,
        long next
    )
    {
        var offset = new SingleEntryOffset("position", next);
        TValue value;
        try
        {
            var line = Encoding.UTF8.GetString(raw);
            if (_options.Format == FileFormat.Json)
            {
                using var document = JsonDocument.Parse(line);
                JsonFieldReader.Read(document.RootElement, _value.Shape, _values);
            }
            else
            {
                ReadCsv(file, line);
            }
            value = _value.Create(_values);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return SourceRecord<string, TValue>.Unreadable(
                _options.Topic,
                raw.ToArray(),
                file.Partition,
                offset,
                new DataException(
                    $"file source: {file.Path ?? "(rotated file)"}, line at byte {lineStart.ToString(CultureInfo.InvariantCulture)}: {e.Message}",
                    e
                )
            );
        }
        return new SourceRecord<string, TValue>
        {
            Topic = _options.Topic,
            Value = value,
            SourcePartition = file.Partition,
            SourceOffset = offset,
        };
    }

    private void ReadCsv(TailedFile file, string line)
    {
        var cells = CsvLine.Split(line, _options.CsvSeparator);
        var fields = _value.Shape.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var column = file.Header is { } header ? IndexOf(header, fields[i].Name) : i;
            var cell = column >= 0 && column < cells.Count ? cells[column] : null;
            _values[i] = FieldValue.Coerce(cell, fields[i]);
        }
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}

using System.Buffers;
using System.Text;
using KConnector.Connectors.File.Sink;
using KConnector.Converters.Primitives;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Connectors.File;

/// <summary>
/// Appends each record's value to a file as one line, as Kafka Connect's <c>FileStreamSinkTask</c>
/// prints <c>record.value()</c>: for a Connect primitive a compiled chain makes the value
/// (<c>ExtractField$Value</c> of a primitive field, a whole-value <c>Cast</c>), its Java
/// <c>toString()</c> (<see cref="JavaText"/>: a string as it is, "12.5", "1.0E7", "true",
/// "Thu Jan 01 00:00:00 UTC 1970"), bytes in Base64 (Java prints a <c>byte[]</c>'s identity hash,
/// which tells nothing), a tombstone or null value "null". Rolled as <see cref="JsonLinesFileSinkTask{TKey, TValue}"/>.
/// </summary>
/// <typeparam name="TKey">The key type (not written).</typeparam>
/// <typeparam name="TValue">The primitive's C# type (int, long, float, double, bool, string, byte[], DateTimeOffset, DateOnly, TimeOnly or a Nullable of one).</typeparam>
public sealed class PrimitiveLinesFileSinkTask<TKey, TValue> : ISinkTask<TKey, TValue>, IDisposable
{
    private readonly RollingLineFile _file;
    private readonly Func<TValue, string> _text;
    private readonly ArrayBufferWriter<byte> _line = new(256);

    /// <summary>Opens (or creates) the configured file for appending, rolling it as configured.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TValue"/> is no Connect primitive.</exception>
    public PrimitiveLinesFileSinkTask(FileSinkOptions options, TimeProvider? time = null)
    {
        _text =
            TextOf()
            ?? throw new ArgumentException(
                $"{typeof(TValue).Name} is no Connect primitive the file sink writes as a line.",
                nameof(TValue)
            );
        _file = new RollingLineFile(options, time);
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
        _file.Append(records, this, static (task, file, value) => task.Write(file, value));
        return ValueTask.CompletedTask;
    }

    // The value's text in UTF-8, encoded into a reused buffer.
    private void Write(FileStream file, TValue value)
    {
        var text = _text(value);
        _line.ResetWrittenCount();
        var bytes = _line.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        file.Write(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
    }

    private static Func<TValue, string>? TextOf() =>
        typeof(TValue) == typeof(byte[])
            ? (Func<TValue, string>)(object)(Func<byte[], string>)Convert.ToBase64String
            : JavaText.For<TValue>();

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _file.Flush();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}

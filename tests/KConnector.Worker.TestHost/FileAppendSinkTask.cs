using System.Text;
using KConnector.Records;
using KConnector.Tasks;

namespace KConnector.Worker.TestHost;

/// <summary>
/// A sink that appends each value as a line to a file; a flush makes the lines durable (fsync). A
/// process killed mid-write leaves a torn last line: opening the file cuts it off (that record was
/// not flushed, so its offset was not committed and it comes again), as a log recovers its tail.
/// Each put waits <c>putDelay</c>, so that the test can kill the worker mid-stream.
/// </summary>
internal sealed class FileAppendSinkTask : ISinkTask<string, string>, IDisposable
{
    private readonly FileStream _file;
    private readonly TimeSpan _putDelay;

    public FileAppendSinkTask(string path, TimeSpan putDelay)
    {
        _putDelay = putDelay;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var length = _file.Length;
        while (length > 0)
        {
            _file.Position = length - 1;
            if (_file.ReadByte() == '\n')
            {
                break;
            }
            length--;
        }
        _file.SetLength(length);
        _file.Position = length;
    }

    public async ValueTask PutAsync(
        IReadOnlyList<SinkRecord<string, string>> records,
        CancellationToken cancellationToken
    )
    {
        await Task.Delay(_putDelay, CancellationToken.None).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(record.Value).Append('\n');
        }
        _file.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _file.Flush(flushToDisk: true);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _file.Dispose();
}

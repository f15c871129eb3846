using KConnector.Connectors.File.Sink;
using KConnector.Records;

namespace KConnector.Connectors.File.Tests;

/// <summary>
/// <see cref="PrimitiveLinesFileSinkTask{TKey, TValue}"/>: a primitive value a compiled chain makes,
/// one line per record as Kafka Connect's FileStreamSinkTask prints <c>record.value()</c> (Java's
/// toString()), bytes in Base64, a null value "null"; rolled as the JSON-lines task is.
/// </summary>
public sealed class PrimitiveFileSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kconnector-sink-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SinkRecord<string, T>[] Records<T>(params T[] values) =>
        [
            .. values.Select(
                (v, i) =>
                    new SinkRecord<string, T>
                    {
                        Topic = "t",
                        Partition = 0,
                        Offset = i,
                        Value = v,
                    }
            ),
        ];

    private async Task<string[]> WriteAsync<T>(params T[] values)
    {
        var path = Path.Combine(_dir, "out.txt");
        using (
            var task = JsonLinesFileSink.CreatePrimitiveTask<string, T>(
                new Dictionary<string, string?> { ["file"] = path }
            )
        )
        {
            await task.PutAsync(Records(values), CancellationToken.None);
            await task.FlushAsync(CancellationToken.None);
            Assert.Equal(values.Length, task.LinesWritten);
        }
        return System.IO.File.ReadAllLines(path);
    }

    [Fact]
    public async Task Doubles_AreJavasToString_OnePerLine_NullAsNull() =>
        Assert.Equal(
            ["12.99", "1.0E7", "0.001", "null", "-0.0"],
            await WriteAsync<double?>(12.99, 1e7, 0.001, null, -0.0)
        );

    [Fact]
    public async Task StringsAreTheLine_AsConnectPrintsThem() =>
        Assert.Equal(["m-1", "ünïcode"], await WriteAsync("m-1", "ünïcode"));

    [Fact]
    public async Task LongsBooleansAndTimestamps_AreJavasToString()
    {
        Assert.Equal(["5000000000", "-1"], await WriteAsync<long?>(5_000_000_000L, -1L));
        System.IO.File.Delete(Path.Combine(_dir, "out.txt"));
        Assert.Equal(["true"], await WriteAsync<bool?>(true));
        System.IO.File.Delete(Path.Combine(_dir, "out.txt"));
        Assert.Equal(
            ["Thu Jan 01 00:00:00 UTC 1970"],
            await WriteAsync<DateTimeOffset?>(DateTimeOffset.UnixEpoch)
        );
    }

    [Fact]
    public async Task Bytes_AreBase64_NotJavasIdentityHash() =>
        Assert.Equal(["AQL/"], await WriteAsync<byte[]>(new byte[] { 1, 2, 255 }));

    [Fact]
    public async Task RollsBySize_AsTheJsonLinesTask()
    {
        var path = Path.Combine(_dir, "out.txt");
        using var task = new PrimitiveLinesFileSinkTask<string, long?>(
            new FileSinkOptions { File = path, RollSizeBytes = 6 }
        );

        await task.PutAsync(Records<long?>(100, 200, 300), CancellationToken.None);
        await task.FlushAsync(CancellationToken.None);

        Assert.Equal(1, task.FilesRolled);
        Assert.Equal(
            ["100", "200"],
            System.IO.File.ReadAllLines(Path.Combine(_dir, "out.000001.txt"))
        );
        Assert.Equal(["300"], System.IO.File.ReadAllLines(path));
    }

    [Fact]
    public void ATypeThatIsNoConnectPrimitive_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new PrimitiveLinesFileSinkTask<string, Guid>(
                new FileSinkOptions { File = Path.Combine(_dir, "out.txt") }
            )
        );
        Assert.Contains("Guid", error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Path.Combine(_dir, "out.txt")));
    }
}

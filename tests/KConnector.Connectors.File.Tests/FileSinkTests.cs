using KConnector.Connectors.File.Sink;
using KConnector.Connectors.File.Tests.Records;
using KConnector.Records;

namespace KConnector.Connectors.File.Tests;

public sealed class FileSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kconnector-sink-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SinkRecord<string, Reading>[] Records(int from, int count) =>
        [
            .. Enumerable
                .Range(from, count)
                .Select(i => new SinkRecord<string, Reading>
                {
                    Topic = "t",
                    Partition = 0,
                    Offset = i,
                    Value = new Reading
                    {
                        Id = i,
                        Sensor = "s",
                        Value = i,
                    },
                }),
        ];

    private List<long> AllIds() =>
        Directory
            .GetFiles(_dir)
            .Order(StringComparer.Ordinal)
            .SelectMany(System.IO.File.ReadAllLines)
            .Select(l =>
                System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()
            )
            .Order()
            .ToList();

    [Fact]
    public async Task RollBySize_RenamesFullFilesWithSequenceNumbers_AndContinuesAfterRestart()
    {
        var path = Path.Combine(_dir, "out.jsonl");
        var options = FileSinkOptions.Parse(
            new Dictionary<string, string?> { ["file"] = path, ["file.roll.size.bytes"] = "200" }
        );
        using (var sink = new JsonLinesFileSinkTask<string, Reading>(options))
        {
            await sink.PutAsync(Records(0, 10), default);
            await sink.FlushAsync(default);
            Assert.Equal(1, sink.FilesRolled); // 10 lines of 45 bytes: rolled once past 200 bytes, before line 5
        }
        using (var restarted = new JsonLinesFileSinkTask<string, Reading>(options))
        {
            await restarted.PutAsync(Records(10, 10), default);
            await restarted.FlushAsync(default);
        }

        var files = Directory
            .GetFiles(_dir)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal("out.000001.jsonl", files[0]);
        Assert.Equal("out.jsonl", files[^1]);
        Assert.Equal(files.Length - 1, files.Count(f => f!.Length == "out.000001.jsonl".Length));
        Assert.All(
            files[..^1],
            f => Assert.InRange(new FileInfo(Path.Combine(_dir, f!)).Length, 200, 300)
        );
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), AllIds());
    }

    [Fact]
    public async Task RollByTime_StartsANewFileOnceTheIntervalPassed()
    {
        var time = new ManualTime();
        var path = Path.Combine(_dir, "out.jsonl");
        using var sink = new JsonLinesFileSinkTask<string, Reading>(
            FileSinkOptions.Parse(
                new Dictionary<string, string?>
                {
                    ["file"] = path,
                    ["file.roll.interval.ms"] = "60000",
                }
            ),
            time
        );
        await sink.PutAsync(Records(0, 3), default);
        time.Advance(TimeSpan.FromSeconds(59));
        await sink.PutAsync(Records(3, 1), default);
        Assert.Equal(0, sink.FilesRolled);
        time.Advance(TimeSpan.FromSeconds(2));
        await sink.PutAsync(Records(4, 2), default);
        await sink.FlushAsync(default);

        Assert.Equal(1, sink.FilesRolled);
        Assert.Equal(4, System.IO.File.ReadAllLines(Path.Combine(_dir, "out.000001.jsonl")).Length);
        Assert.Equal(2, System.IO.File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task PathConstructor_StillAppendsWithoutRolling()
    {
        var path = Path.Combine(_dir, "plain.jsonl");
        using (var sink = new JsonLinesFileSinkTask<string, Reading>(path))
        {
            await sink.PutAsync(Records(0, 2), default);
            await sink.PutAsync(
                [
                    new SinkRecord<string, Reading>
                    {
                        Topic = "t",
                        Partition = 0,
                        Offset = 2,
                    },
                ],
                default
            );
            await sink.FlushAsync(default);
            Assert.Equal(3, sink.LinesWritten);
        }
        Assert.Equal(
            [
                """{"id":0,"sensor":"s","value":0,"note":null}""",
                """{"id":1,"sensor":"s","value":1,"note":null}""",
                "null",
            ],
            System.IO.File.ReadAllLines(path)
        );
    }
}

using System.Globalization;
using KConnector.Configuration;
using KConnector.Connectors.File.Source;
using KConnector.Connectors.File.Tests.Records;
using KConnector.Connectors.Shapes;
using KConnector.Converters;
using KConnector.Errors;
using KConnector.Records;

namespace KConnector.Connectors.File.Tests;

public sealed class FileSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kconnector-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(long id, string sensor = "s1", double value = 1.5) =>
        $$"""{"id":{{id}},"sensor":"{{sensor}}","value":{{value.ToString(CultureInfo.InvariantCulture)}}}"""
        + "\n";

    private FileSourceTask<Reading> Source(
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>?>? stored =
            null,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["directory"] = _dir,
            ["file.pattern"] = "*.jsonl*",
            ["topic"] = "readings",
            ["poll.interval.ms"] = "10",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return new FileSourceTask<Reading>(
            FileSourceOptions.Parse(config),
            new AvroRecordAccessor<Reading>(),
            stored
        );
    }

    private static async Task<List<SourceRecord<string, Reading>>> DrainAsync(
        FileSourceTask<Reading> source
    )
    {
        var all = new List<SourceRecord<string, Reading>>();
        for (var i = 0; i < 100; i++)
        {
            var batch = await source.PollAsync(default);
            if (batch.Count == 0)
            {
                return all;
            }
            all.AddRange(batch);
        }
        throw new TimeoutException("the source kept returning records");
    }

    [Fact]
    public async Task Json_TailsAppendedCompleteLinesOnly()
    {
        var path = Path.Combine(_dir, "a.jsonl");
        await System.IO.File.WriteAllTextAsync(
            path,
            Line(1) + Line(2, "s2", 2.25) + """{"id":3,"sen"""
        );
        using var source = Source();

        var first = await DrainAsync(source);
        Assert.Equal([1L, 2], first.Select(r => r.Value!.Id));
        Assert.Equal(
            new Reading
            {
                Id = 2,
                Sensor = "s2",
                Value = 2.25,
            },
            first[1].Value
        );
        Assert.Equal(
            Line(1).Length + Line(2, "s2", 2.25).Length,
            long.Parse(first[1].SourceOffset!["position"], CultureInfo.InvariantCulture)
        );
        Assert.Equal("readings", first[0].Topic);

        await System.IO.File.AppendAllTextAsync(
            path,
            """sor":"s3","value":3,"note":"late"}""" + "\n" + Line(4)
        );
        var second = await DrainAsync(source);
        Assert.Equal([3L, 4], second.Select(r => r.Value!.Id));
        Assert.Equal("late", second[0].Value!.Note);
    }

    [Fact]
    public async Task Restart_FromStoredOffsets_NeitherSkipsNorRepeatsALine()
    {
        await System.IO.File.WriteAllTextAsync(
            Path.Combine(_dir, "a.jsonl"),
            string.Concat(Enumerable.Range(1, 5).Select(i => Line(i)))
        );
        await System.IO.File.WriteAllTextAsync(
            Path.Combine(_dir, "b.jsonl"),
            string.Concat(Enumerable.Range(101, 4).Select(i => Line(i)))
        );
        var stored = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var seen = new List<long>();
        using (var first = Source(null, ("batch.size", "3")))
        {
            var batch = await first.PollAsync(default); // stop after one batch, as a crash would
            foreach (var record in batch)
            {
                seen.Add(record.Value!.Id);
                stored[record.SourcePartition!["fingerprint"]] = record.SourceOffset!;
            }
        }
        using var second = Source(
            p => stored.GetValueOrDefault(p["fingerprint"]),
            ("batch.size", "3")
        );
        seen.AddRange((await DrainAsync(second)).Select(r => r.Value!.Id));

        Assert.Equal([1L, 2, 3, 4, 5, 101, 102, 103, 104], seen.Order());
    }

    [Fact]
    public async Task Rotation_RenamedFileKeepsItsPositionAndNewFileIsReadFromStart()
    {
        var path = Path.Combine(_dir, "app.jsonl");
        await System.IO.File.WriteAllTextAsync(path, Line(1) + Line(2));
        using var source = Source();
        Assert.Equal([1L, 2], (await DrainAsync(source)).Select(r => r.Value!.Id));

        await System.IO.File.AppendAllTextAsync(path, Line(3));
        System.IO.File.Move(path, path + ".1"); // logrotate: rename, then create
        await System.IO.File.WriteAllTextAsync(path, Line(10) + Line(11));

        Assert.Equal([3L, 10, 11], (await DrainAsync(source)).Select(r => r.Value!.Id));
    }

    [Fact]
    public async Task Rotation_FileMovedOutOfTheWatchedSet_IsDrainedThroughItsOpenHandle()
    {
        var path = Path.Combine(_dir, "app.jsonl");
        await System.IO.File.WriteAllTextAsync(path, Line(1));
        using var source = Source(null, ("file.pattern", "*.jsonl"));
        Assert.Single(await DrainAsync(source));

        await System.IO.File.AppendAllTextAsync(path, Line(2));
        System.IO.File.Move(path, Path.Combine(_dir, "app.old"));
        await System.IO.File.WriteAllTextAsync(path, Line(20));

        Assert.Equal([2L, 20], (await DrainAsync(source)).Select(r => r.Value!.Id));
    }

    [Fact]
    public async Task Csv_WithHeaderInAnyOrder_QuotedFieldsAndEmptyNullable()
    {
        await System.IO.File.WriteAllTextAsync(
            Path.Combine(_dir, "r.csv"),
            "value,id,note,sensor\r\n1.25,1,,s1\r\n2.5,2,\"says \"\"hi\"\", twice\",s2\r\n"
        );
        using var source = Source(null, ("format", "csv"), ("file.pattern", "*.csv"));

        var records = await DrainAsync(source);
        Assert.Equal(
            [
                new Reading
                {
                    Id = 1,
                    Sensor = "s1",
                    Value = 1.25,
                },
                new Reading
                {
                    Id = 2,
                    Sensor = "s2",
                    Value = 2.5,
                    Note = "says \"hi\", twice",
                },
            ],
            records.Select(r => r.Value)
        );
    }

    [Theory]
    [InlineData("{\"id\":4,\"sensor\":", "BytePositionInLine")]
    [InlineData("{\"id\":\"x\",\"sensor\":\"s\",\"value\":1}", "field 'id' (long)")]
    [InlineData("{\"id\":4,\"value\":1}", "field 'sensor' is not nullable")]
    [InlineData("[1,2]", "expected a JSON object")]
    public async Task MalformedJsonLine_IsReturnedUnreadableInItsPlace_WithItsBytesAndAnErrorNamingFileAndByte(
        string malformed,
        string expectedError
    )
    {
        var path = Path.Combine(_dir, "bad.jsonl");
        await System.IO.File.WriteAllTextAsync(path, Line(1) + malformed + "\r\n" + Line(3));
        using var source = Source();

        var records = await DrainAsync(source);

        Assert.Equal(3, records.Count);
        Assert.Equal([1L, 3L], records.Where(r => r.Value is not null).Select(r => r.Value!.Id));
        var bad = records[1];
        Assert.NotNull(bad.UnreadableInput);
        Assert.Null(bad.Value);
        Assert.Equal("readings", bad.Topic);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(malformed), bad.UnreadableInput.RawValue);
        Assert.Equal(records[0].SourcePartition, bad.SourcePartition);
        Assert.Equal(
            (Line(1).Length + malformed.Length + 2).ToString(CultureInfo.InvariantCulture),
            bad.SourceOffset!["position"]
        );
        var error = Assert.IsType<DataException>(bad.UnreadableInput.Error);
        Assert.StartsWith(
            $"file source: {path}, line at byte {Line(1).Length}: ",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(expectedError, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedCsvLine_IsReturnedUnreadable_AndTheLinesAroundItAreRead()
    {
        var path = Path.Combine(_dir, "r.csv");
        await System.IO.File.WriteAllTextAsync(
            path,
            "id,sensor,value\n1,s1,1.5\n2,s2,not-a-number\n3,s3,3.5\n"
        );
        using var source = Source(null, ("format", "csv"), ("file.pattern", "*.csv"));

        var records = await DrainAsync(source);

        Assert.Equal([1L, 3L], records.Where(r => r.Value is not null).Select(r => r.Value!.Id));
        var bad = Assert.Single(records, r => r.UnreadableInput is not null);
        Assert.Same(bad, records[1]);
        Assert.Equal("2,s2,not-a-number"u8.ToArray(), bad.UnreadableInput!.RawValue);
        Assert.Contains(
            $"{path}, line at byte {"id,sensor,value\n1,s1,1.5\n".Length}: field 'value' (double)",
            bad.UnreadableInput.Error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Options_NeedExactlyOneOfFileAndDirectory()
    {
        var error = Assert.Throws<ConfigValidationException>(() =>
            FileSourceOptions.Parse(
                new Dictionary<string, string?> { ["topic"] = "t", ["csv.separator"] = ";;" }
            )
        );
        Assert.Contains(
            new ConfigIssue("file", "give exactly one of file and directory"),
            error.Issues
        );
        Assert.Contains(
            new ConfigIssue("csv.separator", "';;' is not one character"),
            error.Issues
        );
    }
}

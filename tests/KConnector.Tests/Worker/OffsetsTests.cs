using KConnector.Offsets;

namespace KConnector.Tests.Worker;

public sealed class OffsetsTests : IDisposable
{
    private readonly string _directory = Directory
        .CreateTempSubdirectory("kconnector-offsets-")
        .FullName;

    [Fact]
    public void Key_IsKafkaConnectsConnectorAndPartitionArray_WithSortedKeys()
    {
        var key = OffsetJson.Key(
            "files",
            new Dictionary<string, string> { ["z"] = "1", ["filename"] = "/a \"b\"" }
        );

        Assert.Equal("[\"files\",{\"filename\":\"/a \\u0022b\\u0022\",\"z\":\"1\"}]", key);
        var parsed = OffsetJson.ParseKey(key);
        Assert.Equal("files", parsed!.Value.Connector);
        Assert.Equal("/a \"b\"", parsed.Value.Partition["filename"]);
    }

    [Fact]
    public void ParseMap_KafkaConnectNumbers_AreReadAsTheirText()
    {
        Assert.Equal("42", OffsetJson.ParseMap("{\"position\":42}")["position"]);
    }

    [Fact]
    public void SubmittedRecords_OffsetIsCommittableOnlyWhenEveryEarlierRecordIsAcknowledged()
    {
        var records = new SubmittedRecords();
        var p = new Dictionary<string, string> { ["file"] = "p" };
        var q = new Dictionary<string, string> { ["file"] = "q" };
        static Dictionary<string, string> At(string line) => new() { ["line"] = line };
        var first = records.Submit(p, At("1"));
        // Equal content, another instance: the same source partition.
        var second = records.Submit(new Dictionary<string, string> { ["file"] = "p" }, At("2"));
        var third = records.Submit(p, At("3"));
        var other = records.Submit(q, At("9"));

        records.Acknowledge(third);
        records.Acknowledge(other);
        Assert.Equal(
            [KeyValuePair.Create("[\"c\",{\"file\":\"q\"}]", "{\"line\":\"9\"}")],
            records.TakeCommittable("c")
        );

        records.Acknowledge(second);
        Assert.Empty(records.TakeCommittable("c"));

        records.Acknowledge(first);
        Assert.Equal(
            [KeyValuePair.Create("[\"c\",{\"file\":\"p\"}]", "{\"line\":\"3\"}")],
            records.TakeCommittable("c")
        );
        Assert.Equal(0, records.Outstanding);
    }

    [Fact]
    public void SubmittedRecords_ManySharedPartitionMapsInterleaved_EachKeepsItsOwnOrder()
    {
        // More source partitions than the lookup's by-reference slots, each map shared by its
        // records (as the shipped sources do), submitted round-robin: slots collide and are
        // replaced, and every partition still commits its own last offset, in order.
        const int partitions = 300;
        var records = new SubmittedRecords();
        var maps = Enumerable
            .Range(0, partitions)
            .Select(i => new Dictionary<string, string> { ["table"] = "t" + i })
            .ToArray();
        var submitted = new List<SubmittedRecords.Submitted>();
        for (var round = 1; round <= 3; round++)
        {
            foreach (var map in maps)
            {
                submitted.Add(
                    records.Submit(
                        map,
                        new Dictionary<string, string>
                        {
                            ["row"] = round.ToString(
                                System.Globalization.CultureInfo.InvariantCulture
                            ),
                        }
                    )
                );
            }
        }
        // The first round stays unacknowledged for partition 7: nothing of it may commit.
        foreach (var record in submitted.Where((_, index) => index != 7))
        {
            records.Acknowledge(record);
        }

        var committed = records.TakeCommittable("c").ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(partitions - 1, committed.Count);
        Assert.Equal("{\"row\":\"3\"}", committed["[\"c\",{\"table\":\"t0\"}]"]);
        Assert.Equal("{\"row\":\"3\"}", committed["[\"c\",{\"table\":\"t299\"}]"]);
        Assert.False(committed.ContainsKey("[\"c\",{\"table\":\"t7\"}]"));

        records.Acknowledge(submitted[7]);
        Assert.Equal(
            [KeyValuePair.Create("[\"c\",{\"table\":\"t7\"}]", "{\"row\":\"3\"}")],
            records.TakeCommittable("c")
        );
        Assert.Equal(0, records.Outstanding);
    }

    [Fact]
    public void SubmittedRecords_ACallersOwnEntry_IsSubmittedAsItself_AndOneNeverSubmittedAcknowledgesNothing()
    {
        var records = new SubmittedRecords();
        var p = new Dictionary<string, string> { ["file"] = "p" };
        var entry = new OwnEntry();
        var unsubmitted = new OwnEntry();

        Assert.Same(
            entry,
            records.Submit(entry, p, new Dictionary<string, string> { ["line"] = "7" })
        );
        Assert.Equal(1, records.Outstanding);
        // A record without a source offset: its entry is never submitted, acknowledging it is a no-op.
        records.Acknowledge(unsubmitted);
        Assert.Equal(1, records.Outstanding);
        Assert.Empty(records.TakeCommittable("c"));

        records.Acknowledge(entry);
        Assert.Equal("{\"line\":\"7\"}", Assert.Single(records.TakeCommittable("c")).Value);
        Assert.Equal(0, records.Outstanding);
    }

    // What the source runner derives from the submitted entry (its InFlight).
    private sealed class OwnEntry : SubmittedRecords.Submitted;

    [Fact]
    public void SubmittedRecords_RestoredOffsetsComeBackUnlessANewerOneArrived()
    {
        var records = new SubmittedRecords();
        var p = new Dictionary<string, string> { ["file"] = "p" };
        var q = new Dictionary<string, string> { ["file"] = "q" };
        static Dictionary<string, string> At(string line) => new() { ["line"] = line };
        records.Acknowledge(records.Submit(p, At("1")));
        records.Acknowledge(records.Submit(q, At("5")));
        var failedCommit = records.TakeCommittable("c");

        // While that commit failed, p moved on; q did not.
        records.Acknowledge(records.Submit(p, At("2")));
        records.Restore(failedCommit);

        Assert.Equal(
            [
                KeyValuePair.Create("[\"c\",{\"file\":\"p\"}]", "{\"line\":\"2\"}"),
                KeyValuePair.Create("[\"c\",{\"file\":\"q\"}]", "{\"line\":\"5\"}"),
            ],
            records.TakeCommittable("c")
        );
        Assert.Empty(records.TakeCommittable("c"));
    }

    [Fact]
    public async Task FileStore_OffsetsSurviveANewStoreOverTheSameFile()
    {
        var path = Path.Combine(_directory, "offsets.json");
        var partition = new Dictionary<string, string> { ["file"] = "a.txt" };
        await using (var store = new FileOffsetBackingStore(path))
        {
            await store.StartAsync(default);
            await store.SetAsync(
                [
                    KeyValuePair.Create(
                        OffsetJson.Key("c", partition),
                        OffsetJson.Map(new Dictionary<string, string> { ["line"] = "7" })
                    ),
                ],
                default
            );
        }

        await using var reopened = new FileOffsetBackingStore(path);
        await reopened.StartAsync(default);

        var offset = new OffsetStorageReader(reopened, "c").Offset(partition);
        Assert.Equal("7", offset!["line"]);
        Assert.Null(new OffsetStorageReader(reopened, "other").Offset(partition));
    }

    [Fact]
    public async Task FileStore_CorruptFile_NamesTheFileAndTheKey()
    {
        var path = Path.Combine(_directory, "offsets.json");
        await File.WriteAllTextAsync(path, "{not json");
        await using var store = new FileOffsetBackingStore(path);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await store.StartAsync(default)
        );

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("offset.storage.file.filename", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

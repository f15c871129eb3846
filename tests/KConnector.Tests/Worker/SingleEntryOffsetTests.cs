using KConnector.Offsets;
using KConnector.Records;

namespace KConnector.Tests.Worker;

/// <summary>
/// The compact one-entry offset the file and Redis sources hand over: committed, compared and read
/// back exactly as the dictionary a task written like Kafka Connect's hands over.
/// </summary>
public sealed class SingleEntryOffsetTests
{
    private static readonly Dictionary<string, string> File = new() { ["file"] = "/in.jsonl" };

    [Fact]
    public void ACommittedOffset_IsTheSameJson_AsTheDictionarysOfTheSameEntry()
    {
        var compact = new SubmittedRecords();
        var dictionary = new SubmittedRecords();
        compact.Acknowledge(compact.Submit(File, new SingleEntryOffset("position", 1042)));
        dictionary.Acknowledge(
            dictionary.Submit(File, new Dictionary<string, string> { ["position"] = "1042" })
        );

        var committed = Assert.Single(compact.TakeCommittable("files"));
        Assert.Equal(Assert.Single(dictionary.TakeCommittable("files")), committed);
        Assert.Equal("{\"position\":\"1042\"}", committed.Value);
        Assert.Equal("1042", OffsetJson.ParseMap(committed.Value)["position"]);
    }

    [Fact]
    public void AsASourcePartition_ItIsThePartitionOfAnEqualDictionary()
    {
        var records = new SubmittedRecords();
        var first = records.Submit(new SingleEntryOffset("file", "/in.jsonl"), At(1));
        var second = records.Submit(File, At(2));

        records.Acknowledge(second);
        Assert.Empty(records.TakeCommittable("files"));
        records.Acknowledge(first);
        Assert.Equal("{\"line\":\"2\"}", Assert.Single(records.TakeCommittable("files")).Value);

        static SingleEntryOffset At(long line) => new("line", line);
    }

    [Fact]
    public void ItReadsAsADictionaryOfOneEntry()
    {
        IReadOnlyDictionary<string, string> offset = new SingleEntryOffset("seq", -7);

        Assert.Equal([KeyValuePair.Create("seq", "-7")], offset);
        Assert.Equal("-7", offset["seq"]);
        Assert.True(offset.ContainsKey("seq"));
        Assert.False(offset.TryGetValue("Seq", out _));
        Assert.Equal(["seq"], offset.Keys);
        Assert.Equal(["-7"], offset.Values);
        var missing = Assert.Throws<KeyNotFoundException>(() => offset["position"]);
        Assert.Contains("'seq'", missing.Message, StringComparison.Ordinal);
    }
}

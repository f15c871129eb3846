using System.Text;
using KConnector.Errors;
using KConnector.Records;

namespace KConnector.Tests.Worker;

public sealed class DeadLetterQueueHeadersTests
{
    [Fact]
    public void ConsumedRecord_GetsExactlyTheTenKafkaConnectHeadersAsUtf8Text()
    {
        var error = Capture(() => throw new FormatException("not a number: x"));
        var context = new ErrorContext(
            new ErrantRecord
            {
                Topic = "orders",
                Partition = 3,
                Offset = 1207,
            },
            Stage.VALUE_CONVERTER,
            typeof(Dictionary<string, int>),
            error
        );
        var headers = new List<RecordHeader>();

        DeadLetterQueueHeaders.AddTo(headers, context, "orders-sink", 2);

        var text = headers.ToDictionary(h => h.Name, h => Encoding.UTF8.GetString(h.Value.Bytes!));
        Assert.Equal(
            [
                "__connect.errors.topic",
                "__connect.errors.partition",
                "__connect.errors.offset",
                "__connect.errors.connector.name",
                "__connect.errors.task.id",
                "__connect.errors.stage",
                "__connect.errors.class.name",
                "__connect.errors.exception.class.name",
                "__connect.errors.exception.message",
                "__connect.errors.exception.stacktrace",
            ],
            headers.Select(h => h.Name)
        );
        Assert.Equal("orders", text["__connect.errors.topic"]);
        Assert.Equal("3", text["__connect.errors.partition"]);
        Assert.Equal("1207", text["__connect.errors.offset"]);
        Assert.Equal("orders-sink", text["__connect.errors.connector.name"]);
        Assert.Equal("2", text["__connect.errors.task.id"]);
        Assert.Equal("VALUE_CONVERTER", text["__connect.errors.stage"]);
        Assert.Equal(
            "System.Collections.Generic.Dictionary<System.String,System.Int32>",
            text["__connect.errors.class.name"]
        );
        Assert.Equal("System.FormatException", text["__connect.errors.exception.class.name"]);
        Assert.Equal("not a number: x", text["__connect.errors.exception.message"]);
        Assert.StartsWith(
            "System.FormatException: not a number: x",
            text["__connect.errors.exception.stacktrace"],
            StringComparison.Ordinal
        );
        Assert.Contains(
            nameof(Capture),
            text["__connect.errors.exception.stacktrace"],
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SourceRecord_HasNoConsumedCoordinatesButItsSourcePartitionAndOffset()
    {
        var context = new ErrorContext(
            new ErrantRecord
            {
                Topic = "orders",
                SourcePartition = new Dictionary<string, string> { ["table"] = "orders" },
                SourceOffset = new Dictionary<string, string> { ["id"] = "17" },
            },
            Stage.KEY_CONVERTER,
            typeof(string),
            new InvalidOperationException("x")
        );
        var headers = new List<RecordHeader>();

        DeadLetterQueueHeaders.AddTo(headers, context, "orders-source", 0);

        var names = headers.Select(h => h.Name).ToList();
        Assert.DoesNotContain("__connect.errors.topic", names);
        Assert.DoesNotContain("__connect.errors.offset", names);
        Assert.Equal(
            "{\"table\":\"orders\"}",
            Encoding.UTF8.GetString(
                headers.Single(h => h.Name == "__kconnector.errors.source.partition").Value.Bytes!
            )
        );
        Assert.Equal(
            "{\"id\":\"17\"}",
            Encoding.UTF8.GetString(
                headers.Single(h => h.Name == "__kconnector.errors.source.offset").Value.Bytes!
            )
        );
    }

    private static Exception Capture(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("no exception");
    }
}

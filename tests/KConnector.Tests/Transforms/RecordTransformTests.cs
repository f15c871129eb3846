using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Transforms;
using static KConnector.Tests.Transforms.TransformTestData;

namespace KConnector.Tests.Transforms;

/// <summary>
/// The record-level built-ins against the examples of Kafka Connect's documentation
/// (connect/transforms, "Transformations" in the Kafka docs), configured through the keys a
/// connector config gives, by Kafka Connect class name and by alias.
/// </summary>
public sealed class RecordTransformTests
{
    [Fact]
    public void RegexRouter_DocsExample_DropsThePrefix()
    {
        // Kafka docs: regex=(.*)-(.*)-(.*) replacement=$3 turns "...-...-topicname" into its last part.
        var chain = Chain(
            ("transforms", "dropPrefix"),
            ("transforms.dropPrefix.type", "org.apache.kafka.connect.transforms.RegexRouter"),
            ("transforms.dropPrefix.regex", "soe-(.*)"),
            ("transforms.dropPrefix.replacement", "$1")
        );

        Assert.Equal("orders", chain.Apply(Record("soe-orders"))!.Topic);
        // A topic the regex does not match whole is left alone (Matcher.matches, not find).
        Assert.Equal("xsoe-orders", chain.Apply(Record("xsoe-orders"))!.Topic);
    }

    [Fact]
    public void TimestampRouter_DefaultFormat_AppendsTheUtcDay()
    {
        var chain = Chain(("transforms", "day"), ("transforms.day.type", "TimestampRouter"));
        var at = new DateTimeOffset(2017, 3, 6, 23, 30, 0, TimeSpan.FromHours(-2));

        // 23:30 at UTC-2 is the 7th in UTC: the format is applied in UTC, as Kafka Connect does.
        Assert.Equal("orders-20170307", chain.Apply(Record("orders", timestamp: at))!.Topic);
    }

    [Fact]
    public void TimestampRouter_CustomFormats_FollowSimpleDateFormat()
    {
        var chain = Chain(
            ("transforms", "r"),
            ("transforms.r.type", "org.apache.kafka.connect.transforms.TimestampRouter"),
            ("transforms.r.topic.format", "${timestamp}_${topic}"),
            ("transforms.r.timestamp.format", "yyyy-MM-dd'T'HH")
        );
        var at = new DateTimeOffset(2024, 1, 2, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal("2024-01-02T05_orders", chain.Apply(Record("orders", timestamp: at))!.Topic);
    }

    [Fact]
    public void TimestampRouter_RecordWithoutTimestamp_FailsAsKafkaConnectDoes()
    {
        var chain = Chain(("transforms", "day"), ("transforms.day.type", "TimestampRouter"));

        var error = Assert.Throws<DataException>(() => chain.Apply(Record("orders")));
        Assert.Contains("Timestamp missing on record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertHeader_DocsExample_AddsTheLiteral()
    {
        var chain = Chain(
            ("transforms", "insertHeader"),
            ("transforms.insertHeader.type", "org.apache.kafka.connect.transforms.InsertHeader"),
            ("transforms.insertHeader.header", "MyHeader"),
            ("transforms.insertHeader.value.literal", "MyValue")
        );

        var result = chain.Apply(Record(headers: ("a", "1")))!;

        Assert.Equal(["a", "MyHeader"], HeaderNames(result));
        Assert.Equal(HeaderValue.FromString("MyValue"), result.Headers[1].Value);
    }

    [Fact]
    public void DropHeaders_DocsExample_RemovesEveryListedHeaderAndKeepsTheRestInOrder()
    {
        var chain = Chain(
            ("transforms", "dropHeader"),
            ("transforms.dropHeader.type", "org.apache.kafka.connect.transforms.DropHeaders"),
            ("transforms.dropHeader.headers", "source-id,conv-id")
        );

        var result = chain.Apply(
            Record(
                headers: [("source-id", "1"), ("keep", "2"), ("conv-id", "3"), ("source-id", "4")]
            )
        )!;

        Assert.Equal(["keep"], HeaderNames(result));
    }

    [Fact]
    public void Filter_WithPredicate_DropsOnlyMatchingRecords()
    {
        // Kafka docs (KIP-585): drop records of topics matching foo.* .
        var chain = Chain(
            ("transforms", "Filter"),
            ("transforms.Filter.type", "org.apache.kafka.connect.transforms.Filter"),
            ("transforms.Filter.predicate", "IsFoo"),
            ("predicates", "IsFoo"),
            (
                "predicates.IsFoo.type",
                "org.apache.kafka.connect.transforms.predicates.TopicNameMatches"
            ),
            ("predicates.IsFoo.pattern", "foo.*")
        );

        Assert.Null(chain.Apply(Record("foo-1")));
        Assert.Equal("bar", chain.Apply(Record("bar"))!.Topic);
    }

    [Fact]
    public void Negate_AppliesTheTransformWhereThePredicateIsFalse()
    {
        // Kafka docs: "transforms.Filter.negate=true" keeps only records that match.
        var chain = Chain(
            ("transforms", "keepTombstonesOut,mark"),
            ("transforms.keepTombstonesOut.type", "Filter"),
            ("transforms.keepTombstonesOut.predicate", "hasId"),
            ("transforms.keepTombstonesOut.negate", "true"),
            ("transforms.mark.type", "InsertHeader"),
            ("transforms.mark.header", "tombstone"),
            ("transforms.mark.value.literal", "yes"),
            ("transforms.mark.predicate", "isTombstone"),
            ("predicates", "hasId,isTombstone"),
            ("predicates.hasId.type", "HasHeaderKey"),
            ("predicates.hasId.name", "id"),
            ("predicates.isTombstone.type", "RecordIsTombstone")
        );

        Assert.Null(chain.Apply(Record(headers: ("other", "1"))));
        Assert.Equal(["id"], HeaderNames(chain.Apply(Record(headers: ("id", "1")))!));
        Assert.Equal(
            ["id", "tombstone"],
            HeaderNames(chain.Apply(Record(value: null, headers: ("id", "1")))!)
        );
    }

    [Fact]
    public void Chain_AppliesTransformsInTheOrderTransformsListsThem()
    {
        var chain = Chain(
            ("transforms", "route,stamp"),
            ("transforms.route.type", "RegexRouter"),
            ("transforms.route.regex", "(.*)"),
            ("transforms.route.replacement", "$1-copy"),
            ("transforms.stamp.type", "TimestampRouter"),
            ("transforms.stamp.topic.format", "${topic}@${timestamp}"),
            ("transforms.stamp.timestamp.format", "yyyy")
        );

        var at = new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("orders-copy@2020", chain.Apply(Record("orders", timestamp: at))!.Topic);
    }
}

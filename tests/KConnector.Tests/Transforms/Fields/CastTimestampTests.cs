using KConnector.Converters;
using KConnector.Errors;
using static KConnector.Tests.Transforms.Fields.FieldTransformTestData;

namespace KConnector.Tests.Transforms.Fields;

/// <summary>Kafka Connect's Cast and TimestampConverter on schemaless values.</summary>
public sealed class CastTimestampTests
{
    [Fact]
    public void Cast_Fields_AsJavasNumberConversions()
    {
        var record = Transform(
            Schemaless(
                """{"price":"12.5","qty":300,"ratio":2.9,"flag":1,"text":"TRUE","id":10,"real":10.0,"n":null}"""
            ),
            "org.apache.kafka.connect.transforms.Cast$Value",
            (
                "spec",
                "price:float64,qty:int8,ratio:int32,flag:boolean,text:boolean,id:string,real:string,n:int64,absent:int32"
            )
        );

        Assert.Equal(
            """{"price":12.5,"qty":44,"ratio":2,"flag":true,"text":true,"id":"10","real":"10.0","n":null,"absent":null}""",
            Text(record!.Value)
        );
    }

    [Fact]
    public void Cast_WholeValue_AndKey()
    {
        Assert.Equal(
            "42",
            Text(Transform(Schemaless("\"42\""), "Cast$Value", ("spec", "int64"))!.Value)
        );
        Assert.Equal(
            "\"7\"",
            Text(Transform(Schemaless("{}", key: "7"), "Cast$Key", ("spec", "string"))!.Key)
        );
    }

    [Fact]
    public void Cast_BadInput_IsARecordError_BadSpec_AConfigError()
    {
        Assert.Throws<DataException>(() =>
            Transform(Schemaless("""{"a":"x1"}"""), "Cast$Value", ("spec", "a:int32"))
        );
        Assert.Throws<DataException>(() =>
            Transform(Schemaless("""{"a":{"b":1}}"""), "Cast$Value", ("spec", "a:string"))
        );
        Assert.Equal(
            "transforms.t.spec",
            Assert.Throws<ConfigException>(() => Build("Cast$Value", ("spec", "a:decimal"))).Key
        );
        Assert.Equal(
            "transforms.t.spec",
            Assert.Throws<ConfigException>(() => Build("Cast$Value", ("spec", "int32,a:int64"))).Key
        );
    }

    [Fact]
    public void TimestampConverter_UnixToString_AndBack()
    {
        var formatted = Transform(
            Schemaless("""{"event_date":1700000000123}"""),
            "org.apache.kafka.connect.transforms.TimestampConverter$Value",
            ("field", "event_date"),
            ("target.type", "string"),
            ("format", "yyyy-MM-dd HH:mm:ss.SSS")
        );
        Assert.Equal("""{"event_date":"2023-11-14 22:13:20.123"}""", Text(formatted!.Value));

        var unix = Transform(
            formatted,
            "TimestampConverter$Value",
            ("field", "event_date"),
            ("target.type", "unix"),
            ("format", "yyyy-MM-dd HH:mm:ss.SSS"),
            ("unix.precision", "seconds")
        );
        Assert.Equal("""{"event_date":1700000000}""", Text(unix!.Value));
    }

    [Fact]
    public void TimestampConverter_LogicalTypes_AsTheirJsonNumbers_WholeKey()
    {
        var record = Schemaless("{}", key: "1700000000123");
        Assert.Equal(
            "1700000000123",
            Text(Transform(record, "TimestampConverter$Key", ("target.type", "Timestamp"))!.Key)
        );
        Assert.Equal(
            "19675",
            Text(Transform(record, "TimestampConverter$Key", ("target.type", "Date"))!.Key)
        );
        Assert.Equal(
            "80000123",
            Text(Transform(record, "TimestampConverter$Key", ("target.type", "Time"))!.Key)
        );
        Assert.Equal(
            "1700000000123000",
            Text(
                Transform(
                    Schemaless("{}", key: "\"2023-11-14 22:13:20.123\""),
                    "TimestampConverter$Key",
                    ("target.type", "unix"),
                    ("format", "yyyy-MM-dd HH:mm:ss.SSS"),
                    ("unix.precision", "microseconds")
                )!.Key
            )
        );
    }

    [Fact]
    public void TimestampConverter_StringTargetWithoutFormat_AndUnparsable_AreNamed()
    {
        Assert.Equal(
            "transforms.t.format",
            Assert
                .Throws<ConfigException>(() =>
                    Build("TimestampConverter$Value", ("target.type", "string"))
                )
                .Key
        );
        Assert.Equal(
            "transforms.t.target.type",
            Assert
                .Throws<ConfigException>(() =>
                    Build("TimestampConverter$Value", ("target.type", "epoch"))
                )
                .Key
        );
        var error = Assert.Throws<DataException>(() =>
            Transform(
                Schemaless("""{"d":"yesterday"}"""),
                "TimestampConverter$Value",
                ("field", "d"),
                ("target.type", "unix"),
                ("format", "yyyy-MM-dd")
            )
        );
        Assert.Contains("does not match pattern", error.Message, StringComparison.Ordinal);
    }
}

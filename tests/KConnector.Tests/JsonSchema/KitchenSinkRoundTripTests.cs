using System.Text;
using System.Text.Json;
using KConnector.JsonSchema;

namespace KConnector.Tests.JsonSchema;

/// <summary>kitchen-sink.schema.json: nested arrays, nullable items, any value, typed additional properties, anyOf of mixed kinds.</summary>
public class KitchenSinkRoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(123)]
    public void RandomValues_RoundTrip_AndValidate(int seed)
    {
        var random = new Random(seed);
        var validator = JsonSchemaValidator.For<KitchenSink>();
        for (var i = 0; i < 100; i++)
        {
            var value = Next(random);

            var bytes = JsonCodec.Write(value);
            var read = JsonCodec.Read<KitchenSink>(bytes);

            var json = Encoding.UTF8.GetString(bytes);
            Assert.Equal(json, Encoding.UTF8.GetString(JsonCodec.Write(read)));
            Assert.Equal(value.RequiredNullable, read.RequiredNullable);
            Assert.Equal(value.Matrix.Count, read.Matrix.Count);
            for (var row = 0; row < value.Matrix.Count; row++)
            {
                Assert.Equal(value.Matrix[row], read.Matrix[row]);
            }
            Assert.Equal(value.Link, read.Link);
            Assert.Equal(value.Counts, read.Counts);
            Assert.Equal(value.Moments, read.Moments);
            Assert.Equal(value.MaybePoint, read.MaybePoint);
            Assert.Equal(value.Labels, read.Labels);
            Assert.Equal(value.AdditionalProperties, read.AdditionalProperties);
            Assert.Equal(value.Either?.GetType(), read.Either?.GetType());
            Assert.True(
                validator.Validate(bytes).IsValid,
                validator.Validate(bytes) + " in " + json
            );
        }
    }

    [Fact]
    public void RequiredNullable_IsWrittenAsNull_AndMustBePresent()
    {
        var json = Encoding.UTF8.GetString(
            JsonCodec.Write(new KitchenSink { RequiredNullable = null, Matrix = [] })
        );

        Assert.Equal("{\"requiredNullable\":null,\"matrix\":[]}", json);
        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<KitchenSink>("{\"matrix\":[]}")
        );
        Assert.Contains("\"requiredNullable\" is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegerWrittenWithAZeroFraction_IsReadAsAnInteger()
    {
        Assert.Equal(
            3,
            JsonCodec.Read<KitchenSink>("{\"requiredNullable\":3.0,\"matrix\":[]}").RequiredNullable
        );
        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<KitchenSink>("{\"requiredNullable\":3.5,\"matrix\":[]}")
        );
        Assert.Equal("$.requiredNullable", e.Path);
    }

    [Fact]
    public void NestedArrayItem_ThatIsWrong_IsNamedByBothIndexes()
    {
        var e = Assert.Throws<KConnector.Json.JsonSchemaReadException>(() =>
            JsonCodec.Read<KitchenSink>("{\"requiredNullable\":1,\"matrix\":[[1,null],[2,\"x\"]]}")
        );

        Assert.Equal("$.matrix[1][1]", e.Path);
    }

    [Fact]
    public void AnyOf_PicksTheBranchByJsonKind()
    {
        Assert.IsType<KitchenSinkEither.Boolean>(
            JsonCodec
                .Read<KitchenSink>("{\"requiredNullable\":1,\"matrix\":[],\"either\":true}")
                .Either
        );
        Assert.Equal(
            ["a"],
            Assert
                .IsType<KitchenSinkEither.Array>(
                    JsonCodec
                        .Read<KitchenSink>(
                            "{\"requiredNullable\":1,\"matrix\":[],\"either\":[\"a\"]}"
                        )
                        .Either
                )
                .Value
        );
        Assert.Equal(
            new Point { X = 1, Y = 2 },
            Assert
                .IsType<KitchenSinkEither.Point>(
                    JsonCodec
                        .Read<KitchenSink>(
                            "{\"requiredNullable\":1,\"matrix\":[],\"either\":{\"x\":1,\"y\":2}}"
                        )
                        .Either
                )
                .Value
        );
    }

    private static KitchenSink Next(Random random) =>
        new()
        {
            RequiredNullable = random.Next(2) == 0 ? null : random.NextInt64(),
            Matrix = Enumerable
                .Range(0, random.Next(3))
                .Select(_ =>
                    (IReadOnlyList<double?>)
                        Enumerable
                            .Range(0, random.Next(3))
                            .Select(_ => random.Next(3) == 0 ? (double?)null : random.NextDouble())
                            .ToList()
                )
                .ToList(),
            Anything =
                random.Next(2) == 0
                    ? null
                    : JsonDocument
                        .Parse(random.Next(2) == 0 ? "[1,{\"a\":null}]" : "\"text\"")
                        .RootElement.Clone(),
            Link = random.Next(3) switch
            {
                0 => null,
                1 => new Uri("../relative/" + random.Next(), UriKind.Relative),
                _ => new Uri("https://example.com/" + random.Next()),
            },
            Counts =
                random.Next(2) == 0
                    ? null
                    : new Dictionary<string, long?> { ["a"] = null, ["b"] = random.Next() },
            Moments =
                random.Next(2) == 0
                    ? null
                    :
                    [
                        DateTimeOffset
                            .UnixEpoch.AddSeconds(random.Next())
                            .ToOffset(TimeSpan.FromHours(random.Next(-5, 5))),
                    ],
            Either = random.Next(4) switch
            {
                0 => null,
                1 => new KitchenSinkEither.Boolean(random.Next(2) == 0),
                2 => new KitchenSinkEither.Array(["x", "y"]),
                _ => new KitchenSinkEither.Point(new Point { X = random.NextDouble(), Y = -1 }),
            },
            MaybePoint = random.Next(2) == 0 ? null : new Point { X = random.Next(), Y = 0.5 },
            Labels =
                random.Next(2) == 0
                    ? null
                    : new Dictionary<string, Point>
                    {
                        ["home"] = new Point { X = 1, Y = 2 },
                    },
            AdditionalProperties =
                random.Next(2) == 0
                    ? null
                    : new Dictionary<string, string> { ["extra"] = "e" + random.Next() },
        };
}

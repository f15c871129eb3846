using KConnector.Connectors.File.Source;
using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.File.Tests;

public sealed class JsonSchemaRecordAccessorTests
{
    [Fact]
    public void Shape_MapsJsonSchemaTypesAndRequiredness()
    {
        var shape = new JsonSchemaRecordAccessor<Customer>().Shape;

        Assert.Equal(
            [
                "id Long False",
                "name String False",
                "vip Boolean True",
                "balance Double True",
                "avatar Bytes True",
            ],
            shape.Fields.Select(f => $"{f.Name} {f.Type} {f.IsNullable}")
        );
    }

    [Fact]
    public void ReadThenCreate_RoundTripsThroughTheGeneratedJsonCodec()
    {
        var accessor = new JsonSchemaRecordAccessor<Customer>();
        var customer = new Customer
        {
            Id = long.MaxValue,
            Name = "Zoë",
            Vip = true,
            Balance = -1.25,
            Avatar = [0, 255],
        };
        var values = new object?[5];

        accessor.Read(customer, values);
        Assert.Equal([long.MaxValue, "Zoë", true, -1.25, new byte[] { 0, 255 }], values);
        Assert.Equal(customer, accessor.Create(values));
        Assert.Equal(
            new Customer { Id = 1, Name = "n" },
            accessor.Create([1L, "n", null, null, null])
        );
    }

    [Fact]
    public void UnsupportedPropertyType_NamesTheProperty()
    {
        var error = Assert.Throws<FormatException>(() =>
            JsonSchemaShape.FromJsonSchema(
                """{"title":"T","properties":{"tags":{"type":"array"}}}"""
            )
        );
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileSource_BuildsJsonSchemaTypesFromLines()
    {
        var dir = Directory.CreateTempSubdirectory("kconnector-js-").FullName;
        try
        {
            await System.IO.File.WriteAllTextAsync(
                Path.Combine(dir, "c.jsonl"),
                """{"id":1,"name":"a","vip":false}"""
                    + "\n"
                    + """{"id":2,"name":"b","balance":3.5}"""
                    + "\n"
            );
            using var source = new FileSourceTask<Customer>(
                FileSourceOptions.Parse(
                    new Dictionary<string, string?> { ["directory"] = dir, ["topic"] = "customers" }
                ),
                new JsonSchemaRecordAccessor<Customer>()
            );

            var records = await source.PollAsync(default);
            Assert.Equal(
                [
                    new Customer
                    {
                        Id = 1,
                        Name = "a",
                        Vip = false,
                    },
                    new Customer
                    {
                        Id = 2,
                        Name = "b",
                        Balance = 3.5,
                    },
                ],
                records.Select(r => r.Value)
            );
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.Buffers;
using KConnector.Avro;
using V1 = KConnector.Tests.Avro.V1;
using V2 = KConnector.Tests.Avro.V2;

namespace KConnector.Tests.Avro;

/// <summary>
/// A reader generated from customer-v2.avsc reads data written with customer-v1.avsc (Avro
/// specification, "Schema Resolution").
/// </summary>
public class SchemaResolutionTests
{
    private static byte[] EncodeV1(V1.Customer value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        V1.Customer.Encode(ref writer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private static V1.Customer Sample(
        V1.Status status = V1.Status.INACTIVE,
        string? contact = "+33 1 23"
    ) =>
        new()
        {
            Id = 42,
            Name = "Ada",
            LegacyCode = [new Dictionary<string, string> { ["a"] = "b" }],
            Status = status,
            Score = 2.5f,
            Tags = ["vip", "é"],
            Contact = contact,
            Visits = 9,
            Retired = new V1.Retired { X = 1.5 },
        };

    [Fact]
    public void V2Reader_ReadsV1Data_WithDefaultsPromotionsAliasesAndSkippedFields()
    {
        var reader = AvroResolvingReader<V2.Customer>.For(V1.Customer.AvroSchemaJson);

        var customer = reader.Read(EncodeV1(Sample()));

        Assert.True(reader.Resolves);
        Assert.Equal(42L, customer.Id); // int -> long
        Assert.Equal("Ada", customer.FullName); // reader alias "name"
        Assert.Equal(V2.Status.INACTIVE, customer.Status);
        Assert.Equal(2.5, customer.Score); // float -> double
        Assert.Equal(["vip"u8.ToArray(), "é"u8.ToArray()], customer.Tags); // string -> bytes
        Assert.Equal("none@example.com", customer.Email); // added with a default
        Assert.Equal(new V2.Customer.ContactUnion.String("+33 1 23"), customer.Contact); // union branch by type
        Assert.Equal(9L, customer.Visits); // int -> ["null", "long"]
    }

    [Fact]
    public void UnknownEnumSymbol_BecomesTheReadersDefault()
    {
        var customer = AvroResolvingReader<V2.Customer>
            .For(V1.Customer.AvroSchemaJson)
            .Read(EncodeV1(Sample(V1.Status.BANNED, null)));

        Assert.Equal(V2.Status.UNKNOWN, customer.Status);
        Assert.Null(customer.Contact);
    }

    [Fact]
    public void For_CachesThePlanPerWriterSchema()
    {
        Assert.Same(
            AvroResolvingReader<V2.Customer>.For(V1.Customer.AvroSchemaJson),
            AvroResolvingReader<V2.Customer>.For(V1.Customer.AvroSchemaJson)
        );
    }

    [Fact]
    public void SameSchema_UsesTheTypesOwnDecode()
    {
        var reader = AvroResolvingReader<V1.Customer>.For(V1.Customer.AvroSchemaJson);

        Assert.False(reader.Resolves);
        Assert.Equal("Ada", reader.Read(EncodeV1(Sample())).Name);
    }

    [Fact]
    public void ReaderFieldWithoutDefault_MissingFromTheWriter_IsNamed()
    {
        // v2's "full_name" (alias "name") has no default; this writer has neither name.
        const string writer = """
            {"type":"record","name":"Customer","fields":[
              {"name":"id","type":"int"},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["ACTIVE"]}},
              {"name":"score","type":"double"},{"name":"tags","type":{"type":"array","items":"bytes"}},
              {"name":"contact","type":"null"}]}
            """;

        var e = Assert.Throws<AvroSchemaResolutionException>(() =>
            AvroResolvingReader<V2.Customer>.For(writer)
        );

        Assert.Equal("Customer.full_name", e.Field);
        Assert.Contains("gives it no default", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncompatibleTypes_AreNamedWithTheReason()
    {
        const string writer = """
            {"type":"record","name":"Customer","fields":[
              {"name":"id","type":"string"},{"name":"full_name","type":"string"},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["ACTIVE"]}},
              {"name":"score","type":"double"},{"name":"tags","type":{"type":"array","items":"bytes"}},
              {"name":"contact","type":"null"}]}
            """;

        var e = Assert.Throws<AvroSchemaResolutionException>(() =>
            AvroResolvingReader<V2.Customer>.For(writer)
        );

        Assert.Equal("Customer.id", e.Field);
        Assert.Contains(
            "string cannot be read as the reader's long",
            e.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void WriterUnionBranchTheReaderCannotRead_FailsOnlyWhenDataUsesIt()
    {
        const string writer = """
            {"type":"record","name":"Customer","fields":[
              {"name":"id","type":["int","string"]},{"name":"full_name","type":"string"},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["ACTIVE"]}},
              {"name":"score","type":"double"},{"name":"tags","type":{"type":"array","items":"bytes"}},
              {"name":"contact","type":"null"}]}
            """;
        var reader = AvroResolvingReader<V2.Customer>.For(writer);

        // id as branch 0 (int 3), name "A", ACTIVE, score 0.0, no tags, null.
        byte[] good = [0x00, 0x06, 0x02, 0x41, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        var customer = reader.Read(good);
        Assert.Equal(3L, customer.Id);
        Assert.Equal("none@example.com", customer.Email);

        byte[] bad = [0x02, 0x02, 0x41];
        var e = Assert.Throws<AvroDecodeException>(() => reader.Read(bad));
        Assert.Equal("Customer.id", e.Field);
    }

    [Fact]
    public void TruncatedData_ThroughAPlan_ThrowsAvroDecodeException()
    {
        var bytes = EncodeV1(Sample());
        var reader = AvroResolvingReader<V2.Customer>.For(V1.Customer.AvroSchemaJson);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<AvroDecodeException>(() => reader.Read(bytes.AsSpan(0, length)));
        }
    }

    [Theory]
    [InlineData("Client", "old", true)] // the reader's alias "old.Client"
    [InlineData("Customer", "elsewhere", true)] // same unqualified name
    [InlineData("Stranger", "old", false)]
    public void RecordNames_MatchByUnqualifiedNameOrReaderAlias(
        string name,
        string ns,
        bool matches
    )
    {
        var writer = $$$"""
            {"type":"record","name":"{{{name}}}","namespace":"{{{ns}}}","fields":[
              {"name":"id","type":"long"},{"name":"full_name","type":"string"},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["ACTIVE"]}},
              {"name":"score","type":"double"},{"name":"tags","type":{"type":"array","items":"bytes"}},
              {"name":"contact","type":"null"}]}
            """;

        if (matches)
        {
            // id 5, "A", ACTIVE, 0.0, no tags, null
            var customer = AvroResolvingReader<V2.Customer>
                .For(writer)
                .Read([0x0A, 0x02, 0x41, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);
            Assert.Equal(5L, customer.Id);
        }
        else
        {
            var e = Assert.Throws<AvroSchemaResolutionException>(() =>
                AvroResolvingReader<V2.Customer>.For(writer)
            );
            Assert.Contains(
                $"record {ns}.{name} cannot be read as the reader's record KConnector.Tests.Avro.V2.Customer",
                e.Message,
                StringComparison.Ordinal
            );
        }
    }

    [Fact]
    public void ArraysMapsAndNestedRecords_AreResolvedItemByItem()
    {
        // Writer: legacy_code (array of maps) and retired (a record) are skipped whole, the
        // array of strings becomes an array of bytes, item by item.
        var value = Sample() with
        {
            LegacyCode =
            [
                new Dictionary<string, string> { ["x"] = "y", ["z"] = "w" },
                new Dictionary<string, string>(),
            ],
            Tags = [.. Enumerable.Range(0, 300).Select(i => "t" + i)],
        };

        var customer = AvroResolvingReader<V2.Customer>
            .For(V1.Customer.AvroSchemaJson)
            .Read(EncodeV1(value));

        Assert.Equal(300, customer.Tags.Count);
        Assert.Equal("t299"u8.ToArray(), customer.Tags[299]);
        Assert.Equal("Ada", customer.FullName);
    }
}

using System.Buffers;
using KConnector.Avro;
using KConnector.Tests.Avro.Model;

namespace KConnector.Tests.Avro;

/// <summary>
/// What the reader and the writer agree on (issue 20, item 7): one nesting limit for both, no
/// bytes after a datum, strings that are UTF-8, and registered schema text other Avro
/// implementations can parse when a type of the null namespace is used from another namespace.
/// </summary>
public class AvroCorruptionLimitsTests
{
    private static TreeNode Chain(int depth)
    {
        var node = new TreeNode { Value = depth };
        for (var i = depth - 1; i > 0; i--)
        {
            node = new TreeNode { Value = i, Children = [node] };
        }
        return node;
    }

    private static byte[] Encode(TreeNode value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        TreeNode.Encode(ref writer, value);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void NestingAtTheLimit_IsWrittenAndRead()
    {
        var bytes = Encode(Chain(AvroReader.MaxDepth));

        var decoded = AvroResolvingReader<TreeNode>.For(TreeNode.AvroSchemaJson).Read(bytes);

        Assert.Equal(1, decoded.Value);
    }

    [Fact]
    public void NestingBeyondTheLimit_IsRefusedByTheWriter_AsTheReaderWouldRefuseIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Encode(Chain(AvroReader.MaxDepth + 1)));

        Assert.Contains("TreeNode", error.Message, StringComparison.Ordinal);
        Assert.Contains("deeper than 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingBytesAfterTheDatum_AreCorruption()
    {
        var bytes = Encode(Chain(2)).Append((byte)0).ToArray();
        var reader = AvroResolvingReader<TreeNode>.For(TreeNode.AvroSchemaJson);

        var error = Assert.Throws<AvroDecodeException>(() => reader.Read(bytes));

        Assert.Equal("TreeNode", error.Field);
        Assert.Contains(
            "1 byte(s) follow the end of the datum",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void TrailingBytesAfterAResolvedDatum_AreCorruption()
    {
        // A writer schema with one more field, of type null (0 bytes): the same bytes, read
        // through a resolution plan that skips the field.
        var writerSchema = TreeNode.AvroSchemaJson.Replace(
            "\"fields\":[",
            "\"fields\":[{\"name\":\"extra\",\"type\":\"null\"},",
            StringComparison.Ordinal
        );
        var reader = AvroResolvingReader<TreeNode>.For(writerSchema);
        Assert.True(reader.Resolves);
        var bytes = Encode(Chain(2)).Concat(new byte[] { 0x02, 0x03 }).ToArray();

        var error = Assert.Throws<AvroDecodeException>(() => reader.Read(bytes));

        Assert.Contains("2 byte(s) follow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStringOfInvalidUtf8_IsCorruption_NamingTheField()
    {
        // Length 1 (zig-zag 02), then 0xFF, which no UTF-8 sequence starts with.
        var error = Assert.Throws<AvroDecodeException>(() =>
        {
            var reader = new AvroReader(new byte[] { 0x02, 0xFF });
            return reader.ReadString("Order.note");
        });

        Assert.Equal("Order.note", error.Field);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullNamespaceTypeUsedFromANamespace_IsWrittenAbsolute_AndReadBack()
    {
        // Bare "NullNamespaceCents" inside namespace KConnector.Tests.Avro.Model would mean
        // KConnector.Tests.Avro.Model.NullNamespaceCents to Java and avsc.
        Assert.Contains(
            "\"type\":[\"null\",\".NullNamespaceCents\"]",
            Priced.AvroSchemaJson,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"name\":\"NullNamespaceCents\"",
            Priced.AvroCanonicalForm,
            StringComparison.Ordinal
        );

        var value = new Priced
        {
            Price = new NullNamespaceCents { Amount = 5 },
            Was = new NullNamespaceCents { Amount = 7 },
        };
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        Priced.Encode(ref writer, value);

        var decoded = AvroResolvingReader<Priced>
            .For(Priced.AvroSchemaJson)
            .Read(buffer.WrittenSpan);

        Assert.Equal(7, decoded.Was!.Amount);
    }
}

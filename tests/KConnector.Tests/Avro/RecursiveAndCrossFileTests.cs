using System.Buffers;
using KConnector.Avro;
using KConnector.Tests.Avro.Billing;
using KConnector.Tests.Avro.Model;
using KConnector.Tests.Avro.Shared;

namespace KConnector.Tests.Avro;

public class RecursiveAndCrossFileTests
{
    private static byte[] Encode<T>(T value)
        where T : IAvroRecord<T>
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        T.Encode(ref writer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private static T Decode<T>(byte[] bytes)
        where T : IAvroRecord<T>
    {
        var reader = new AvroReader(bytes);
        return T.Decode(ref reader);
    }

    [Fact]
    public void Tree_RoundTripsThroughItsRecursiveChildren()
    {
        var tree = new TreeNode
        {
            Value = 1,
            Children =
            [
                new TreeNode { Value = 2 },
                new TreeNode { Value = 3, Children = [new TreeNode { Value = 4 }] },
            ],
        };

        var bytes = Encode(tree);
        var decoded = Decode<TreeNode>(bytes);

        // value 1, block of 2, (2, end), (3, block of 1, (4, end), end), end
        Assert.Equal("02040400060208000000", Convert.ToHexStringLower(bytes));
        Assert.Equal(4, decoded.Children[1].Children[0].Value);
    }

    [Fact]
    public void Tree_NestedDeeperThanTheLimit_FailsWithAnExceptionNotAStackOverflow()
    {
        // Each level: value 0, a block of one child. A few hundred bytes nest past any sane depth.
        var bytes = Enumerable
            .Repeat(new byte[] { 0x00, 0x02 }, 100_000)
            .SelectMany(b => b)
            .ToArray();

        var e = Assert.Throws<AvroDecodeException>(() => Decode<TreeNode>(bytes));
        Assert.Contains("deeper than 256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayBlockCountBeyondAnyBound_IsCorruptBeforeAnyAllocation()
    {
        // value 0, then a block claiming 2^62 children. A record may take no bytes at all, so the
        // bound is the per-payload limit of such items, checked before the list is sized.
        byte[] bytes = [0x00, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];

        var e = Assert.Throws<AvroDecodeException>(() => Decode<TreeNode>(bytes));
        Assert.Equal("TreeNode.children", e.Field);
        Assert.Contains("more than 1048576 items", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeBlockCounts_WithByteSizes_AreRead()
    {
        // value 5, block of -2 items with byte size 4: (1, end) (2, end), then end.
        byte[] bytes = [0x0A, 0x03, 0x08, 0x02, 0x00, 0x04, 0x00, 0x00];

        var tree = Decode<TreeNode>(bytes);

        Assert.Equal([1, 2], tree.Children.Select(c => c.Value));
    }

    [Fact]
    public void ArrayInSeveralBlocks_IsReadWhole_GrowingPastTheFirstBlocksCount()
    {
        // value 0, then blocks of 1, 3 and 1 children (1..5, each with no children of its own),
        // then end: the first block sizes the array (1), the second grows it to 4, the third
        // doubles it to 8, and the end trims it to the 5 read.
        byte[] bytes =
        [
            0x00,
            0x02,
            0x02,
            0x00,
            0x06,
            0x04,
            0x00,
            0x06,
            0x00,
            0x08,
            0x00,
            0x02,
            0x0A,
            0x00,
            0x00,
        ];

        var tree = Decode<TreeNode>(bytes);

        Assert.Equal([1, 2, 3, 4, 5], tree.Children.Select(c => c.Value));
        Assert.Equal(5, Assert.IsType<TreeNode[]>(tree.Children).Length);
    }

    [Fact]
    public void ArrayOfOneBlock_IsReadIntoAnArrayOfItsCount()
    {
        // value 0, a block of 2 children (7 and 8), end: one exact array, nothing grown or trimmed.
        byte[] bytes = [0x00, 0x04, 0x0E, 0x00, 0x10, 0x00, 0x00];

        var tree = Decode<TreeNode>(bytes);

        Assert.Equal([7, 8], Assert.IsType<TreeNode[]>(tree.Children).Select(c => c.Value));
    }

    [Fact]
    public void Invoice_UsesTypesOfOtherFiles_AndItsSchemaInlinesThem()
    {
        var invoice = new Invoice
        {
            Total = new Money { Currency = "EUR", Cents = 1250 },
            Lines =
            [
                new Money { Currency = "EUR", Cents = 1000 },
                new Money { Currency = "EUR", Cents = 250 },
            ],
        };

        var decoded = Decode<Invoice>(Encode(invoice));

        Assert.Equal(Suit.CLUBS, invoice.Suit);
        Assert.Equal(250, decoded.Lines[1].Cents);
        // Self-contained for a registry: Money defined once at first use, then referenced by full name.
        Assert.Contains(
            "{\"type\":\"record\",\"name\":\"Money\",\"namespace\":\"KConnector.Tests.Avro.Shared\"",
            Invoice.AvroSchemaJson,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"items\":\"KConnector.Tests.Avro.Shared.Money\"",
            Invoice.AvroSchemaJson,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"symbols\":[\"SPADES\",\"HEARTS\",\"DIAMONDS\",\"CLUBS\"]",
            Invoice.AvroSchemaJson,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void StringBlockCountLargerThanTheBytesLeft_IsCorrupt()
    {
        // Customer v1: id 0, name "", then legacy_code (an array of maps) claiming 1,000 items in 2 bytes.
        byte[] bytes = [0x00, 0x00, 0xD0, 0x0F, 0x00, 0x00];

        var e = Assert.Throws<AvroDecodeException>(() =>
            Decode<KConnector.Tests.Avro.V1.Customer>(bytes)
        );
        Assert.Equal("Customer.legacy_code", e.Field);
        Assert.Contains(
            "a block of 1000 items cannot fit the 2 bytes left",
            e.Message,
            StringComparison.Ordinal
        );
    }
}

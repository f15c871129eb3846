using System.Text;
using KConnector.Converters.Headers;

namespace KConnector.Tests.Converters;

/// <summary>
/// Lists and maps in headers, as Kafka Connect's SimpleHeaderConverter reads and writes them
/// (Values.parseString / Values.convertToString with embedded values).
/// </summary>
public class SimpleHeaderConverterListAndMapTests
{
    private readonly SimpleHeaderConverter _converter = new();

    private HeaderValue Read(string text) =>
        _converter.ToConnectHeader("t", "h", Encoding.UTF8.GetBytes(text));

    private string Write(HeaderValue value) =>
        Encoding.UTF8.GetString(_converter.FromConnectHeader("t", "h", value)!);

    [Fact]
    public void ListOfSmallIntegers_IsAnArrayOfInt8()
    {
        var value = Read("[1, 2, 3]");

        Assert.Equal(HeaderValueType.Array, value.Type);
        Assert.Equal(HeaderValueType.Int8, value.ElementType);
        Assert.Equal([1L, 2L, 3L], value.Items!.Select(i => i.Integer));
        Assert.Equal("[1,2,3]", Write(value));
    }

    [Fact]
    public void MixedNumbers_WidenToTheCommonType_AndAreAlignedToIt()
    {
        var ints = Read("[1,300,70000]");
        var floats = Read("[1,2.5]");

        Assert.Equal(HeaderValueType.Int32, ints.ElementType);
        Assert.All(ints.Items!, i => Assert.Equal(HeaderValueType.Int32, i.Type));
        Assert.Equal(HeaderValueType.Float32, floats.ElementType);
        Assert.Equal([1.0, 2.5], floats.Items!.Select(i => i.Number));
        Assert.Equal("[1.0,2.5]", Write(floats));
    }

    [Fact]
    public void QuotedStrings_AreStringElements_AndEscapesRoundTrip()
    {
        var value = Read("""["a,b", "say \"hi\"", "c:\\d"]""");

        Assert.Equal(HeaderValueType.String, value.ElementType);
        Assert.Equal(["a,b", "say \"hi\"", "c:\\d"], value.Items!.Select(i => i.Text));
        Assert.Equal("""["a,b","say \"hi\"","c:\\d"]""", Write(value));
        Assert.Equal(
            value.Items!.Select(i => i.Text),
            Read(Write(value)).Items!.Select(i => i.Text)
        );
    }

    [Fact]
    public void Map_HasKeyAndValueTypes_AndKeepsEntryOrder()
    {
        var value = Read("""{"b":1,"a":2}""");

        Assert.Equal(HeaderValueType.Map, value.Type);
        Assert.Equal(HeaderValueType.String, value.KeyType);
        Assert.Equal(HeaderValueType.Int8, value.ElementType);
        Assert.Equal(["b", "a"], value.Entries!.Select(e => e.Key.Text));
        Assert.Equal("""{"b":1,"a":2}""", Write(value));
    }

    [Fact]
    public void NestedListsNullsAndBooleans_AreParsed()
    {
        var value = Read("[[1,2],null,[true]]");

        Assert.Equal(HeaderValueType.Array, value.Type);
        Assert.Null(value.ElementType);
        Assert.Equal(HeaderValueType.Null, value.Items![1].Type);
        Assert.Equal(HeaderValueType.Boolean, value.Items[2].Items![0].Type);
        Assert.Equal("[[1,2],null,[true]]", Write(value));
    }

    [Fact]
    public void ElementsOfDifferentKinds_HaveNoCommonType()
    {
        var value = Read("""[1,"a"]""");

        Assert.Equal(HeaderValueType.Array, value.Type);
        Assert.Null(value.ElementType);
        Assert.Equal(HeaderValueType.Int8, value.Items![0].Type);
        Assert.Equal(HeaderValueType.String, value.Items[1].Type);
    }

    [Theory]
    [InlineData("[1,2")]
    [InlineData("[1,,2]")]
    [InlineData("[a,b]")]
    [InlineData("{\"a\"}")]
    [InlineData("{null:1}")]
    [InlineData("[1] trailing")]
    [InlineData("{\"a\":1,}")]
    public void TextThatIsNotACompleteListOrMap_StaysAString(string text)
    {
        var value = Read(text);

        Assert.Equal(HeaderValueType.String, value.Type);
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void EmptyListAndMap_HaveNoElementType()
    {
        Assert.Equal(
            (HeaderValueType.Array, 0, (HeaderValueType?)null),
            (Read("[]").Type, Read("[]").Items!.Count, Read("[]").ElementType)
        );
        Assert.Equal((HeaderValueType.Map, 0), (Read("{}").Type, Read("{}").Entries!.Count));
    }

    [Fact]
    public void DeeplyNestedInput_IsBoundedAndStaysAString()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        Assert.Equal(HeaderValueType.String, Read(text).Type);
    }
}

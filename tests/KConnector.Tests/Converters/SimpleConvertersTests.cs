using System.Text;
using KConnector.Converters;

namespace KConnector.Tests.Converters;

public class SimpleConvertersTests
{
    [Fact]
    public void StringConverter_IsUtf8ByDefault()
    {
        var converter = new StringConverter();

        Assert.Equal("c3a9", Convert.ToHexStringLower(converter.FromConnectData("t", "é")!));
        Assert.Equal("é", converter.ToConnectData("t", [0xc3, 0xa9]));
    }

    [Fact]
    public void StringConverter_UsesConverterEncoding()
    {
        var converter = new StringConverter(
            ConverterConfig.From(
                new Dictionary<string, string> { ["converter.encoding"] = "UTF-16LE" },
                isKey: true
            )
        );

        Assert.Equal("e900", Convert.ToHexStringLower(converter.FromConnectData("t", "é")!));
        Assert.Equal("é", converter.ToConnectData("t", [0xe9, 0x00]));
    }

    [Fact]
    public void StringConverter_InvalidUtf8_IsADataExceptionNamingTheTopic()
    {
        var error = Assert.Throws<DataException>(() =>
            new StringConverter().ToConnectData("names", [0xff])
        );

        Assert.Contains("'names'", error.Message);
    }

    [Fact]
    public void ByteArrayConverter_PassesBytesThrough_WithoutCopying()
    {
        var converter = new ByteArrayConverter();
        byte[] bytes = [1, 2, 3];

        Assert.Same(bytes, converter.FromConnectData("t", bytes));
        Assert.Same(bytes, converter.ToConnectData("t", bytes));
        Assert.Null(converter.FromConnectData("t", null));
        Assert.Null(converter.ToConnectData("t", null));
    }

    [Fact]
    public void StringConverter_Nulls_PassThrough()
    {
        Assert.Null(new StringConverter().FromConnectData("t", null));
        Assert.Null(new StringConverter().ToConnectData("t", null));
        Assert.Equal("", Encoding.UTF8.GetString(new StringConverter().FromConnectData("t", "")!));
    }
}

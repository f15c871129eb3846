using System.Text;
using KConnector.Converters;
using KConnector.Converters.Headers;

namespace KConnector.Tests.Converters;

public class SimpleHeaderConverterTests
{
    private readonly SimpleHeaderConverter _converter = new();

    [Theory]
    [InlineData("true", HeaderValueType.Boolean, "true")]
    [InlineData("FALSE", HeaderValueType.Boolean, "false")]
    [InlineData("42", HeaderValueType.Int8, "42")]
    [InlineData("-129", HeaderValueType.Int16, "-129")]
    [InlineData("40000", HeaderValueType.Int32, "40000")]
    [InlineData("3000000000", HeaderValueType.Int64, "3000000000")]
    [InlineData("1.0", HeaderValueType.Int8, "1")]
    [InlineData("1.5", HeaderValueType.Float32, "1.5")]
    [InlineData("1e300", HeaderValueType.Float64, "1.0E300")]
    [InlineData("", HeaderValueType.String, "")]
    [InlineData("hello world", HeaderValueType.String, "hello world")]
    [InlineData("74320e6e26adc8f8", HeaderValueType.String, "74320e6e26adc8f8")]
    [InlineData("2024-05-06", HeaderValueType.Date, "2024-05-06")]
    [InlineData("2024-05-06T07:08:09.010Z", HeaderValueType.Timestamp, "2024-05-06T07:08:09.010Z")]
    public void ToConnectHeader_InfersTheTypeAsValuesParseString(
        string text,
        HeaderValueType type,
        string written
    )
    {
        var value = _converter.ToConnectHeader("t", "h", Encoding.UTF8.GetBytes(text));

        Assert.Equal(type, value.Type);
        Assert.Equal(
            written,
            Encoding.UTF8.GetString(_converter.FromConnectHeader("t", "h", value)!)
        );
    }

    [Fact]
    public void Null_PassesThroughBothWays()
    {
        Assert.Equal(HeaderValueType.Null, _converter.ToConnectHeader("t", "h", null).Type);
        Assert.Null(_converter.FromConnectHeader("t", "h", HeaderValue.Null));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(-2.5e-10, "-2.5E-10")]
    public void Doubles_AreWrittenAsJavasDoubleToString(double value, string expected)
    {
        Assert.Equal(expected, SimpleHeaderConverter.ToText(HeaderValue.FromDouble(value)));
    }

    [Fact]
    public void Integers_Strings_AndBooleans_AreWrittenAsText()
    {
        Assert.Equal(
            "-7",
            Encoding.UTF8.GetString(
                _converter.FromConnectHeader(
                    "t",
                    "h",
                    HeaderValue.FromInteger(HeaderValueType.Int64, -7)
                )!
            )
        );
        Assert.Equal(
            "é",
            Encoding.UTF8.GetString(
                _converter.FromConnectHeader("t", "h", HeaderValue.FromString("é"))!
            )
        );
        Assert.Equal(
            "true",
            Encoding.UTF8.GetString(
                _converter.FromConnectHeader("t", "h", HeaderValue.FromBoolean(true))!
            )
        );
    }

    [Fact]
    public void InvalidUtf8_IsKeptAsBytes_NotAFailure()
    {
        byte[] raw = [0xff, 0xfe];

        var value = _converter.ToConnectHeader("t", "trace-id", raw);

        Assert.Equal(HeaderValueType.Bytes, value.Type);
        Assert.Equal(raw, value.Bytes);
    }

    [Fact]
    public void Bytes_AreWrittenAsBase64()
    {
        Assert.Equal(
            "AQL/",
            Encoding.UTF8.GetString(
                _converter.FromConnectHeader("t", "h", HeaderValue.FromBytes([1, 2, 0xff]))!
            )
        );
    }
}

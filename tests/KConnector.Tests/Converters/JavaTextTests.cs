using KConnector.Converters.Primitives;

namespace KConnector.Tests.Converters;

/// <summary>
/// <see cref="JavaText"/>: Java's toString() of Connect's primitives, as Kafka Connect's
/// StringConverter writes a non-string value and its FileStreamSinkTask prints one. The expected
/// texts are derived from the JDK 19+ javadoc of <c>Double.toString(double)</c> and
/// <c>Float.toString(float)</c>: the decimal of fewest digits (two at least: of the two-digit
/// decimals, the closest) that rounds to the value in its own type; plain with at least one
/// fractional digit for 10^-3 &lt;= |d| &lt; 10^7, else computerized scientific notation; and
/// <c>java.util.Date.toString()</c>, "EEE MMM dd HH:mm:ss zzz yyyy", in UTC.
/// </summary>
public class JavaTextTests
{
    public static TheoryData<double, string> Doubles =>
        new()
        {
            { 0.0, "0.0" },
            { -0.0, "-0.0" },
            { 1.0, "1.0" },
            { -12.5, "-12.5" },
            { 100.0, "100.0" },
            { 12.99, "12.99" },
            { 0.5, "0.5" },
            { 0.1 + 0.2, "0.30000000000000004" },
            { Math.PI, "3.141592653589793" },
            // The plain range's edges: 10^-3 is plain, 10^7 is not.
            { 0.001, "0.001" },
            { 0.00099, "9.9E-4" },
            { 1e-4, "1.0E-4" },
            { 9999999.0, "9999999.0" },
            { 9999999.999999998, "9999999.999999998" },
            { 1e7, "1.0E7" },
            { 1000000.0, "1000000.0" },
            { 1234567.125, "1234567.125" },
            { 123456789.0, "1.23456789E8" },
            { 1.234e-5, "1.234E-5" },
            { -1e-10, "-1.0E-10" },
            { 1e21, "1.0E21" },
            { 1.5e300, "1.5E300" },
            // 10^23 is no double: the nearest is 9.999999999999999161e22, whose shortest decimal is 1e23.
            { 1e23, "1.0E23" },
            { 2e23, "2.0E23" },
            { double.MaxValue, "1.7976931348623157E308" },
            // Subnormals: one digit would do, Java prints the closest two-digit decimal.
            { double.Epsilon, "4.9E-324" },
            { 2 * double.Epsilon, "9.9E-324" },
            { 2.225073858507201E-308, "2.225073858507201E-308" },
            { 2.2250738585072014E-308, "2.2250738585072014E-308" },
            { double.NaN, "NaN" },
            { double.PositiveInfinity, "Infinity" },
            { double.NegativeInfinity, "-Infinity" },
        };

    [Theory]
    [MemberData(nameof(Doubles))]
    public void Double_IsJavasDoubleToString(double value, string java) =>
        Assert.Equal(java, JavaText.Of(value));

    public static TheoryData<float, string> Floats =>
        new()
        {
            { 0f, "0.0" },
            { -0f, "-0.0" },
            // A float's own shortest digits, not the double's it widens to (0.10000000149011612).
            { 0.1f, "0.1" },
            { 1.1f, "1.1" },
            { 0.3f, "0.3" },
            { 100f, "100.0" },
            { 0.75f, "0.75" },
            { 9999999f, "9999999.0" },
            { 1e7f, "1.0E7" },
            { 16777216f, "1.6777216E7" },
            { 123456789f, "1.2345679E8" },
            { 1e-5f, "1.0E-5" },
            { 1e10f, "1.0E10" },
            { float.MaxValue, "3.4028235E38" },
            { float.Epsilon, "1.4E-45" },
            { 2 * float.Epsilon, "2.8E-45" },
            { float.NaN, "NaN" },
            { float.NegativeInfinity, "-Infinity" },
        };

    [Theory]
    [MemberData(nameof(Floats))]
    public void Float_IsJavasFloatToString(float value, string java) =>
        Assert.Equal(java, JavaText.Of(value));

    [Fact]
    public void AFloatWidenedToDouble_PrintsTheDoublesDigits() =>
        Assert.Equal("0.10000000149011612", JavaText.Of((double)0.1f));

    [Fact]
    public void IntegersAndBooleans_AreJavasText()
    {
        Assert.Equal("-9223372036854775808", JavaText.Of(long.MinValue));
        Assert.Equal("-2147483648", JavaText.Of(int.MinValue));
        Assert.Equal("true", JavaText.Of(true));
        Assert.Equal("false", JavaText.Of(false));
    }

    [Fact]
    public void TimestampsDatesAndTimes_AreJavasDateToString_InUtc()
    {
        Assert.Equal("Thu Jan 01 00:00:00 UTC 1970", JavaText.Of(DateTimeOffset.UnixEpoch));
        Assert.Equal(
            "Fri Mar 01 12:34:56 UTC 2024",
            JavaText.Of(new DateTimeOffset(2024, 3, 1, 12, 34, 56, 789, TimeSpan.Zero))
        );
        // An offset is the same instant: printed in UTC.
        Assert.Equal(
            "Thu Feb 29 23:00:00 UTC 2024",
            JavaText.Of(new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.FromHours(2)))
        );
        Assert.Equal("Fri Mar 01 00:00:00 UTC 2024", JavaText.Of(new DateOnly(2024, 3, 1)));
        Assert.Equal("Thu Jan 01 12:34:56 UTC 1970", JavaText.Of(new TimeOnly(12, 34, 56, 789)));
    }

    [Fact]
    public void For_GivesATypedTextOfEachPrimitive_AndNoneOfBytes()
    {
        Assert.Equal("12.5", JavaText.For<double?>()!(12.5));
        Assert.Equal("3", JavaText.For<int>()!(3));
        Assert.Equal("a\nb", JavaText.For<string>()!("a\nb"));
        Assert.Null(JavaText.For<byte[]>());
        Assert.Null(JavaText.For<Guid>());
    }
}

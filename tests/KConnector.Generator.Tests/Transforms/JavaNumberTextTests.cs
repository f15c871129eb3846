using KConnector.Generator.Helpers;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// Reals as Java's <c>Double.toString</c> / <c>Float.toString</c> write them (the text a Connect
/// default of a float or double has in the schema AvroData writes, and Cast's real to string):
/// plain from 10^-3 up to 10^7 with at least one fraction digit, else <c>d.dddE[-]n</c>.
/// </summary>
public class JavaNumberTextTests
{
    [Theory]
    [InlineData(0d, "0.0")]
    [InlineData(-0d, "-0.0")]
    [InlineData(1d, "1.0")]
    [InlineData(100d, "100.0")]
    [InlineData(0.25d, "0.25")]
    [InlineData(-2.5d, "-2.5")]
    [InlineData(0.001d, "0.001")]
    [InlineData(0.0001d, "1.0E-4")]
    [InlineData(1234567.5d, "1234567.5")]
    [InlineData(1e7d, "1.0E7")]
    [InlineData(12345678d, "1.2345678E7")]
    [InlineData(1e10d, "1.0E10")]
    [InlineData(-1.5e-10d, "-1.5E-10")]
    [InlineData(0.1d, "0.1")]
    public void Double_IsJavasText(double value, string java) =>
        Assert.Equal(java, JavaNumberText.Of(value));

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(0.5f, "0.5")]
    [InlineData(3f, "3.0")]
    [InlineData(1e10f, "1.0E10")]
    [InlineData(16777216f, "1.6777216E7")]
    public void Float_IsJavasText(float value, string java) =>
        Assert.Equal(java, JavaNumberText.Of(value));
}

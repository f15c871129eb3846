using KConnector.Transforms.Compiled;
using static KConnector.Tests.Transforms.Fields.FieldTransformTestData;

namespace KConnector.Tests.Transforms.Fields;

/// <summary>
/// Cast's narrowing of a number as Java's: a real (a Double) goes to int8/int16/int32 through
/// <c>intValue()</c>, saturating at the int's range, then wraps to the narrower type (JLS 5.1.3);
/// a whole number (a Long) wraps from its 64 bits. On the schemaless path and through the helpers
/// the compiled chain calls.
/// </summary>
public sealed class CastNarrowingTests
{
    [Theory]
    [InlineData("1e10", "int16", "-1")]
    [InlineData("1e10", "int8", "-1")]
    [InlineData("1e10", "int32", "2147483647")]
    [InlineData("-1e10", "int16", "0")]
    [InlineData("-1e10", "int32", "-2147483648")]
    [InlineData("70000.9", "int16", "4464")]
    [InlineData("10000000000", "int16", "-7168")]
    [InlineData("1e10", "int64", "10000000000")]
    public void SchemalessCast_NarrowsAsJava(string number, string target, string expected)
    {
        var record = Transform(
            Schemaless("{\"x\": " + number + "}"),
            "Cast$Value",
            ("spec", "x:" + target)
        );

        Assert.Equal(expected, record!.Value!["x"]!.ToJsonString());
    }

    [Fact]
    public void CompiledHelpers_NarrowARealThroughTheInt()
    {
        Assert.Equal(-1, CompiledCast.Int16(CompiledCast.WholeInt(1e10)));
        Assert.Equal(-1, CompiledCast.Int8(CompiledCast.WholeInt(1e10f)));
        Assert.Equal(
            int.MinValue,
            CompiledCast.Int32(CompiledCast.WholeInt(double.NegativeInfinity))
        );
        Assert.Equal(0, CompiledCast.Int16(CompiledCast.WholeInt(double.NaN)));
        Assert.Equal(10_000_000_000L, CompiledCast.Whole(1e10));
    }
}

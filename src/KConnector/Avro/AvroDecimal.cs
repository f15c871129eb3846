using System.Globalization;
using System.Numerics;

namespace KConnector.Avro;

/// <summary>
/// An Avro decimal of any precision (spec "Decimal"): an unscaled integer and a scale, the value
/// being Unscaled × 10^-Scale. Generated code uses it when the precision exceeds the 28 digits a
/// .NET <see cref="decimal"/> holds.
/// </summary>
public readonly struct AvroDecimal : IEquatable<AvroDecimal>
{
    internal const int MaxStackBytes = 32;

    /// <summary>Creates a decimal from its unscaled value and scale.</summary>
    public AvroDecimal(BigInteger unscaled, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        Unscaled = unscaled;
        Scale = scale;
    }

    /// <summary>The unscaled integer.</summary>
    public BigInteger Unscaled { get; }

    /// <summary>The number of digits after the decimal point.</summary>
    public int Scale { get; }

    /// <summary>Reads a big-endian two's complement unscaled value.</summary>
    public static AvroDecimal FromUnscaledBytes(ReadOnlySpan<byte> bytes, int scale) =>
        new(new BigInteger(bytes, isUnsigned: false, isBigEndian: true), scale);

    /// <summary>Converts a .NET decimal to the given scale, failing if that would round.</summary>
    public static AvroDecimal FromDecimal(decimal value, int scale, string field)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude =
            ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var valueScale = (bits[3] >> 16) & 0xFF;
        var unscaled = bits[3] < 0 ? -magnitude : magnitude;
        return new AvroDecimal(unscaled, valueScale).WithScale(scale, field);
    }

    /// <summary>The same value at another scale; fails if digits would be lost.</summary>
    public AvroDecimal WithScale(int scale, string field)
    {
        if (scale == Scale)
        {
            return this;
        }
        if (scale > Scale)
        {
            return new AvroDecimal(Unscaled * BigInteger.Pow(10, scale - Scale), scale);
        }
        var divisor = BigInteger.Pow(10, Scale - scale);
        var quotient = BigInteger.DivRem(Unscaled, divisor, out var remainder);
        if (!remainder.IsZero)
        {
            throw new ArgumentException(
                $"The decimal {this} has more than the {scale} fraction digits of the Avro field '{field}'; round it first.",
                field
            );
        }
        return new AvroDecimal(quotient, scale);
    }

    /// <summary>The unscaled value at <paramref name="scale"/>, checked against <paramref name="precision"/>.</summary>
    internal BigInteger Rescale(int scale, int precision, string field)
    {
        var unscaled = WithScale(scale, field).Unscaled;
        if (BigInteger.Abs(unscaled) >= BigInteger.Pow(10, precision))
        {
            throw new ArgumentOutOfRangeException(
                field,
                $"The decimal {this} has more than the {precision} digits of the Avro field '{field}'."
            );
        }
        return unscaled;
    }

    /// <summary>Converts to a .NET decimal when it fits.</summary>
    public bool TryToDecimal(out decimal value)
    {
        value = 0;
        var magnitude = BigInteger.Abs(Unscaled);
        if (Scale > 28 || magnitude.GetBitLength() > 96)
        {
            return false;
        }
        var bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        Span<byte> padded = stackalloc byte[12];
        bytes.CopyTo(padded);
        var lo = BitConverter.ToInt32(padded);
        var mid = BitConverter.ToInt32(padded[4..]);
        var hi = BitConverter.ToInt32(padded[8..]);
        value = new decimal(lo, mid, hi, Unscaled.Sign < 0, (byte)Scale);
        return true;
    }

    /// <summary>Converts to a .NET decimal.</summary>
    /// <exception cref="OverflowException">It has more digits than a decimal holds.</exception>
    public decimal ToDecimal() =>
        TryToDecimal(out var value)
            ? value
            : throw new OverflowException($"The decimal {this} does not fit a .NET decimal.");

    /// <summary>The unscaled value's big-endian two's complement bytes (what Avro and Kafka Connect carry).</summary>
    public byte[] ToUnscaledBytes() => Unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);

    /// <inheritdoc />
    public bool Equals(AvroDecimal other) => Unscaled == other.Unscaled && Scale == other.Scale;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AvroDecimal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Unscaled, Scale);

    /// <summary>The value in plain notation, invariant culture (e.g. "-12.50").</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Unscaled).ToString(CultureInfo.InvariantCulture);
        if (Scale > 0)
        {
            digits = digits.PadLeft(Scale + 1, '0');
            digits = digits[..^Scale] + "." + digits[^Scale..];
        }
        return Unscaled.Sign < 0 ? "-" + digits : digits;
    }

    /// <summary>Equality of unscaled value and scale.</summary>
    public static bool operator ==(AvroDecimal left, AvroDecimal right) => left.Equals(right);

    /// <summary>Inequality of unscaled value and scale.</summary>
    public static bool operator !=(AvroDecimal left, AvroDecimal right) => !left.Equals(right);
}

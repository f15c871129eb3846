using System.Text;
using BenchmarkDotNet.Attributes;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>
/// The floor under any decode of bench-order: what a decode must produce (the record, the nested
/// record, the 3-tag array and the 8 strings with the same contents, from the same bytes) made
/// by the cheapest means, with no decoding at all. The string offsets are found once in the
/// setup and the scalar fields copied from a decoded record, so this row is allocation plus
/// transcoding only: the generated decode minus this row is what decoding itself costs.
/// </summary>
public partial class AvroPeerBenchmarks
{
    private StringAt[] _stringsAt = [];
    private BenchOrder _scalars = null!;

    [Benchmark(Description = "decode: floor (allocate + transcode, no decoding)")]
    [BenchmarkCategory("decode")]
    public BenchOrder AllocationFloor()
    {
        ReadOnlySpan<byte> avro = _avro;
        var at = _stringsAt;
        var scalars = _scalars;
        return new BenchOrder
        {
            OrderId = at[0].Read(avro),
            CustomerId = scalars.CustomerId,
            Quantity = scalars.Quantity,
            UnitPrice = scalars.UnitPrice,
            Express = scalars.Express,
            Note = at[1].Read(avro),
            Status = scalars.Status,
            Tags = new[] { at[2].Read(avro), at[3].Read(avro), at[4].Read(avro) },
            PlacedAt = scalars.PlacedAt,
            Shipping = new BenchAddress
            {
                Street = at[5].Read(avro),
                City = at[6].Read(avro),
                Zip = at[7].Read(avro),
            },
        };
    }

    /// <summary>Where each of the record's 8 strings lies in the Avro bytes, in field order.</summary>
    private void LocateStrings()
    {
        _scalars = GeneratedDecode();
        string[] strings =
        [
            _scalars.OrderId,
            _scalars.Note!,
            .. _scalars.Tags,
            _scalars.Shipping.Street,
            _scalars.Shipping.City,
            _scalars.Shipping.Zip,
        ];
        var found = new StringAt[strings.Length];
        var from = 0;
        for (var i = 0; i < strings.Length; i++)
        {
            var utf8 = Encoding.UTF8.GetBytes(strings[i]);
            var start = _avro.AsSpan(from).IndexOf(utf8);
            if (start < 0 || !Ascii.IsValid(utf8))
            {
                throw new InvalidOperationException(
                    $"The floor needs bench-order's strings in ASCII in its bytes: \"{strings[i]}\" is not."
                );
            }
            found[i] = new StringAt(from + start, utf8.Length);
            from += start + utf8.Length;
        }
        _stringsAt = found;
    }

    private readonly record struct StringAt(int Start, int Length)
    {
        // Latin-1 is a plain widening of each byte (ASCII is known here): the cheapest way .NET
        // has from bytes to a string.
        public string Read(ReadOnlySpan<byte> avro) =>
            Encoding.Latin1.GetString(avro.Slice(Start, Length));
    }
}

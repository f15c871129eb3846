using System.Globalization;
using System.Text;
using KConnector.Converters;
using KConnector.Converters.Headers;
using KConnector.Records;
using KConnector.Transforms.Compiled;

namespace KConnector.Tests.Transforms.Compiled;

/// <summary>
/// A sink's compiled HeaderFrom and HeaderFrom$Key (docs/transforms.md, "How a compiled HeaderFrom
/// writes headers"): the runner asks the converters for the headers after the key and value, and
/// they read the record's value once for all, appending typed headers after the record's own.
/// </summary>
public class SinkChainConverterHeadersTests
{
    private sealed record Payment(string Id, int Cvv);

    // Reads the payment "id:cvv" from its bytes; counts the reads.
    private sealed class PaymentReader : IConverter<Payment>
    {
        public int Reads { get; private set; }

        public Payment? ToConnectData(string topic, byte[]? data)
        {
            Reads++;
            if (data is null)
            {
                return null;
            }
            var parts = Encoding.UTF8.GetString(data).Split(':');
            return new Payment(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        public byte[]? FromConnectData(string topic, Payment? value) =>
            throw new NotSupportedException();
    }

    private static SinkChainConverter<Payment, string> Converter(PaymentReader reader) =>
        new(
            reader,
            (_, p) => p.Id,
            (topic, p, headers) =>
            {
                headers.Add("cvv", HeaderValue.FromInteger(HeaderValueType.Int32, p.Cvv));
                headers.Add("topic", HeaderValue.FromString(topic));
            }
        );

    [Fact]
    public void Headers_ReadTheValueTheChainRead_AndFollowTheRecordsOwn()
    {
        var reader = new PaymentReader();
        var converter = Converter(reader);
        var bytes = Encoding.UTF8.GetBytes("p-1:123");

        var value = converter.ToConnectData("payments", bytes);
        var headers = new List<RecordHeader> { new("trace", HeaderValue.FromString("t-1")) };
        ISinkCompiledHeaders asked = converter;
        asked.AddHeaders("payments", bytes, new CompiledHeaderSink(headers));

        Assert.Equal("p-1", value);
        Assert.True(asked.AddsHeaders);
        Assert.Equal(1, reader.Reads);
        Assert.Equal(
            [
                new("trace", HeaderValue.FromString("t-1")),
                new("cvv", HeaderValue.FromInteger(HeaderValueType.Int32, 123)),
                new RecordHeader("topic", HeaderValue.FromString("payments")),
            ],
            headers
        );
    }

    [Fact]
    public void OtherBytes_AreReadAfresh()
    {
        var reader = new PaymentReader();
        var converter = Converter(reader);
        converter.ToConnectData("payments", Encoding.UTF8.GetBytes("p-1:123"));
        var headers = new List<RecordHeader>();

        ((ISinkCompiledHeaders)converter).AddHeaders(
            "payments",
            Encoding.UTF8.GetBytes("p-2:7"),
            new CompiledHeaderSink(headers)
        );

        Assert.Equal(2, reader.Reads);
        Assert.Equal(HeaderValue.FromInteger(HeaderValueType.Int32, 7), headers[0].Value);
    }

    [Fact]
    public void KeyFromTheValue_HeadersReadTheValueTheKeyAndValueChainsShare()
    {
        // ValueToKey then HeaderFrom$Key on a sink: key, value and headers read the value once.
        var reader = new PaymentReader();
        var input = new SinkValueInput<Payment>(reader);
        var key = new SinkKeyChainConverter<Payment, string>(
            input,
            (_, p) => p.Id,
            (_, p, headers) =>
                headers.Add("cvv", HeaderValue.FromInteger(HeaderValueType.Int32, p.Cvv))
        );
        var value = new SinkChainConverter<Payment, string>(input, (_, p) => p.Id + "!");
        var bytes = Encoding.UTF8.GetBytes("p-1:123");
        var headers = new List<RecordHeader>();

        var k = ((ISinkRecordKeyConverter<string>)key).KeyOf("payments", null, bytes);
        var v = value.ToConnectData("payments", bytes);
        ((ISinkCompiledHeaders)key).AddHeaders("payments", bytes, new CompiledHeaderSink(headers));

        Assert.Equal(("p-1", "p-1!"), (k, v));
        Assert.Equal(1, reader.Reads);
        Assert.Equal(
            [new RecordHeader("cvv", HeaderValue.FromInteger(HeaderValueType.Int32, 123))],
            headers
        );
    }

    [Fact]
    public void ChainWithoutHeaderFrom_AddsNone()
    {
        var converter = new SinkChainConverter<Payment, string>(
            new PaymentReader(),
            (_, p) => p.Id
        );

        Assert.False(((ISinkCompiledHeaders)converter).AddsHeaders);
    }
}

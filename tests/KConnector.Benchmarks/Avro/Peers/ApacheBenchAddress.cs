using Avro;
using Avro.Specific;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>bench-order.avsc's nested record for Apache.Avro's specific API (as avrogen writes it).</summary>
public sealed class ApacheBenchAddress : ISpecificRecord
{
    public string Street { get; set; } = "";

    public string City { get; set; } = "";

    public string Zip { get; set; } = "";

    public global::Avro.Schema Schema => ApacheBenchOrder._SCHEMA.Fields[9].Schema;

    public object Get(int fieldPos) =>
        fieldPos switch
        {
            0 => Street,
            1 => City,
            2 => Zip,
            _ => throw new AvroRuntimeException("Bad index " + fieldPos + " in Get()"),
        };

    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0:
                Street = (string)fieldValue;
                break;
            case 1:
                City = (string)fieldValue;
                break;
            case 2:
                Zip = (string)fieldValue;
                break;
            default:
                throw new AvroRuntimeException("Bad index " + fieldPos + " in Put()");
        }
    }
}

using Avro;
using Avro.Specific;

namespace KConnector.Benchmarks.Avro.Peers;

/// <summary>
/// bench-order.avsc as Apache.Avro's specific API wants it: an <see cref="ISpecificRecord"/> written
/// as avrogen writes one. Apache.Avro finds specific classes by the schema's full name, so the
/// schema is the generated one with this namespace (the bytes do not depend on names).
/// </summary>
public sealed class ApacheBenchOrder : ISpecificRecord
{
    // Confluent's specific serdes read the schema from a public static field of this name, as avrogen writes it.
#pragma warning disable CA1707, CA2211, SA1307, IDE1006
    public static readonly RecordSchema _SCHEMA = (RecordSchema)
        global::Avro.Schema.Parse(
            BenchOrder
                .AvroSchemaJson.Replace(
                    "\"KConnector.Benchmarks.Avro\"",
                    "\"KConnector.Benchmarks.Avro.Peers\"",
                    StringComparison.Ordinal
                )
                .Replace("\"BenchOrder\"", "\"ApacheBenchOrder\"", StringComparison.Ordinal)
                .Replace("\"BenchAddress\"", "\"ApacheBenchAddress\"", StringComparison.Ordinal)
                .Replace("\"BenchStatus\"", "\"ApacheBenchStatus\"", StringComparison.Ordinal)
        );

#pragma warning restore CA1707, CA2211, SA1307, IDE1006

    public string OrderId { get; set; } = "";

    public long CustomerId { get; set; }

    public int Quantity { get; set; }

    public double UnitPrice { get; set; }

    public bool Express { get; set; }

    public string? Note { get; set; }

    public ApacheBenchStatus Status { get; set; }

    public IList<string> Tags { get; set; } = [];

    public DateTime PlacedAt { get; set; }

    public ApacheBenchAddress Shipping { get; set; } = new();

    public global::Avro.Schema Schema => _SCHEMA;

    public object? Get(int fieldPos) =>
        fieldPos switch
        {
            0 => OrderId,
            1 => CustomerId,
            2 => Quantity,
            3 => UnitPrice,
            4 => Express,
            5 => Note,
            6 => Status,
            7 => Tags,
            8 => PlacedAt,
            9 => Shipping,
            _ => throw new AvroRuntimeException("Bad index " + fieldPos + " in Get()"),
        };

    public void Put(int fieldPos, object fieldValue)
    {
        switch (fieldPos)
        {
            case 0:
                OrderId = (string)fieldValue;
                break;
            case 1:
                CustomerId = (long)fieldValue;
                break;
            case 2:
                Quantity = (int)fieldValue;
                break;
            case 3:
                UnitPrice = (double)fieldValue;
                break;
            case 4:
                Express = (bool)fieldValue;
                break;
            case 5:
                Note = (string?)fieldValue;
                break;
            case 6:
                Status = (ApacheBenchStatus)fieldValue;
                break;
            case 7:
                Tags = (IList<string>)fieldValue;
                break;
            case 8:
                PlacedAt = (DateTime)fieldValue;
                break;
            case 9:
                Shipping = (ApacheBenchAddress)fieldValue;
                break;
            default:
                throw new AvroRuntimeException("Bad index " + fieldPos + " in Put()");
        }
    }
}

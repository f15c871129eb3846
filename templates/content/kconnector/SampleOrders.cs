using System.Globalization;
using KConnector.Connectors;
using KConnector.Converters;

namespace Company.Connector;

/// <summary>
/// The sample orders this project starts with, and the value converter they travel through
/// (the same class and settings as the connector's <c>value.converter</c>, so what the samples and
/// the tests write is what the connector reads). Replace it with your own data.
/// </summary>
public static class SampleOrders
{
    /// <summary>The connector's <c>value.converter</c>.</summary>
    public const string ValueConverterClass = "VALUE_CONVERTER_CLASS";

    /// <summary>The order number <paramref name="n"/>: <c>order-{n}</c>.</summary>
    public static Order Create(long n) =>
        new()
        {
#if (httpSource)
            Id = n + 1, // the API's increasing id, the source's offset
#endif
            OrderId = "order-" + n.ToString(CultureInfo.InvariantCulture),
            CustomerId = 1 + (n % 7),
            Quantity = 1 + (int)(n % 3),
            UnitPrice = 9.99,
        };

    /// <summary>
    /// A value converter as the connector builds it with no <c>value.converter.*</c> settings:
    /// the in-memory <c>mock://kconnector</c> Schema Registry the worker uses when none is named.
    /// </summary>
    public static IConverter<Order> ValueConverter() =>
        ConverterFactory.Create(
            ValueConverterClass,
            new Dictionary<string, string>
            {
                ["schema.registry.url"] = "mock://" + ConnectorEnvironment.DefaultRegistryScope,
            },
            isKey: false,
#if (avro)
            ConverterFormats.AvroRecord<Order>()
#elif (protobuf && source)
            // The .proto text the worker registers (copied from Schemas/order.proto at build time).
            ConverterFormats.ProtobufMessage<Order>(OrdersSourceWorker.ValueProtoSchema)
#elif (protobuf)
            // The .proto text the worker registers (copied from Schemas/order.proto at build time).
            ConverterFormats.ProtobufMessage<Order>(OrdersSinkWorker.ValueProtoSchema)
#else
            ConverterFormats.JsonSchemaRecord<Order>()
#endif
        );
}

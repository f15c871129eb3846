using KConnector.Testing.SpecRecords;

namespace KConnector.Cli.Tests.Transforms;

/// <summary>
/// Compiled sink chains through <c>kconnector run</c> of the file sink specs the IntegrationTests
/// run as generated workers, over records registered as Confluent's AvroConverter writes them:
/// InsertField's partition.field, offset.field and timestamp.field (payments-metadata-sink:
/// CompiledRecordMetadataPipelineTests), and the Avro types a compiled chain carries, enums,
/// decimals, a nested record, an array of records and a union (invoices-avrotypes-sink: ReplaceField,
/// Flatten, MaskField, Cast: AvroTypesPipelineTests). The files hold what the generated workers write.
/// </summary>
public sealed class SinkChainRunTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task RecordMetadata_EachLineCarriesItsConsumedRecordsPartitionOffsetAndTimestamp()
    {
        var (output, produced) = await StandaloneRoad.RunRegisteredSinkSpecAsync(
            _folder,
            "payments-metadata-sink.connector.json",
            "payment.avsc",
            "payments-located",
            partitions: 3,
            (servers, registryUrl, schema) =>
                RegisteredPayments.ProduceAsync(
                    servers,
                    registryUrl,
                    schema,
                    "payments-located",
                    LocatedPayments.Ids(12),
                    partitions: 3
                )
        );

        LocatedPayments.AssertEachLineLocatesItsRecord(produced, output);
    }

    [Fact]
    public async Task AvroTypes_TheFileHoldsTheTransformedInvoices()
    {
        const int invoices = 6;
        var (output, _) = await StandaloneRoad.RunRegisteredSinkSpecAsync(
            _folder,
            "invoices-avrotypes-sink.connector.json",
            "sales-invoice.avsc",
            "invoices-in",
            partitions: 1,
            (servers, registryUrl, schema) =>
                RegisteredInvoices.ProduceAsync(
                    servers,
                    registryUrl,
                    schema,
                    "invoices-in",
                    invoices
                )
        );

        RegisteredInvoices.AssertFileHoldsTransformed(output, invoices);
    }

    public void Dispose() => _folder.Dispose();
}

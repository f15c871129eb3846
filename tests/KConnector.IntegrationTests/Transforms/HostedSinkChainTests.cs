namespace KConnector.IntegrationTests.Transforms;

/// <summary>
/// Compiled sink chains and a primitive source on the hosted worker's road: the specs of
/// <see cref="SinkValueToKeyPipelineTests"/> (ValueToKey + Cast$Key on unkeyed records),
/// <see cref="CompiledRecordMetadataPipelineTests"/> (InsertField's partition, offset and timestamp
/// fields), invoices-avrotypes-sink (enums, decimals, an array of records and a union:
/// <see cref="AvroTypesPipelineTests"/>) and payments-amount-source (a primitive key and value:
/// <see cref="Primitive.PrimitiveChainPipelineTests"/>) registered with their Add{Name}Connector on one
/// .NET host's ConnectWorker write what their generated workers write, checked by the same
/// assertions.
/// </summary>
public sealed class HostedSinkChainTests
{
    private const int Payments = 8;

    [Fact]
    public async Task HostedWorker_RunsTheSinkChainsAndThePrimitiveSource()
    {
        await using var bed = await PipelineBed.StartAsync(
            withRegistry: true,
            SinkValueToKeyPipelineTests.Topic,
            SinkValueToKeyPipelineTests.DeadLetters,
            "payments-amount",
            AvroTypesPipelineTests.SinkTopic
        );
        bed.Kafka.CreateTopic(CompiledRecordMetadataPipelineTests.Topic, partitions: 3);
        var unkeyed = SinkValueToKeyPipelineTests.Produce(
            bed.Kafka,
            [.. SinkValueToKeyPipelineTests.Ids.Select(SinkValueToKeyPipelineTests.Payment)]
        );
        CompiledRecordMetadataPipelineTests.Produce(bed.Kafka);
        AvroTypesPipelineTests.ProduceInvoices(bed);
        var invoicesFile = bed.PathOf("invoices-out.jsonl");
        var keyedFile = bed.PathOf("valuekey-out.jsonl");
        var locatedFile = bed.PathOf("metadata-out.jsonl");
        var input = await bed.WriteLinesAsync(
            "payments.jsonl",
            Enumerable.Range(0, Payments).Select(RegisteredPayments.Line)
        );
        await HostedRoad.RunUntilAsync(
            services =>
            {
                services.AddPaymentsValuekeySinkConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = keyedFile;
                });
                services.AddPaymentsMetadataSinkConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = locatedFile;
                });
                services.AddInvoicesAvrotypesSinkConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = invoicesFile;
                });
                services.AddPaymentsAmountSourceConnector(values =>
                {
                    values["bootstrap.servers"] = bed.BootstrapServers;
                    values["file"] = input;
                    values["key.converter.schema.registry.url"] = bed.RegistryUrl;
                    values["value.converter.schema.registry.url"] = bed.RegistryUrl;
                });
            },
            () =>
                PipelineBed.LineCount(keyedFile) >= 3
                && SinkValueToKeyPipelineTests.DeadLetterCount(bed.Kafka) >= 1
                && PipelineBed.LineCount(locatedFile)
                    >= CompiledRecordMetadataPipelineTests.Payments
                && PipelineBed.LineCount(invoicesFile) >= AvroTypesPipelineTests.Invoices
                && bed.Count("payments-amount") >= Payments,
            "the sinks' files, the dead letter and the primitive records"
        );

        SinkValueToKeyPipelineTests.AssertWrittenAndDeadLettered(bed.Kafka, keyedFile, unkeyed);
        await CompiledRecordMetadataPipelineTests.AssertEachLineLocatesItsRecordAsync(
            bed.Kafka,
            locatedFile
        );
        RegisteredInvoices.AssertFileHoldsTransformed(
            invoicesFile,
            AvroTypesPipelineTests.Invoices
        );
        await Primitive.PrimitiveChainPipelineTests.AssertAmountRecordsAsync(bed, Payments);
    }
}

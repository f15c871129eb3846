using System.Reflection;
using KConnector.Generator.Tests.Infrastructure;

namespace KConnector.Generator.Tests.Transforms;

/// <summary>
/// ValueToKey on a sink spec (docs/transforms.md, "On a sink"): Kafka Connect's sink converts, then
/// transforms, so the key is a struct of the value's fields as value.converter read them and the
/// value stages before ValueToKey left them. The key converter is the runtime's
/// SinkKeyChainConverter over <c>{Connector}KeyChain.Apply(topic, value)</c>, sharing the value
/// converter's reader (SinkValueInput), and the task takes the output key. The generated code is
/// compiled and run.
/// </summary>
public class SinkValueToKeyChainTests
{
    private const string Payment = """
        { "type": "record", "name": "Payment", "namespace": "Shop.Pay", "fields": [
          { "name": "id", "type": "string" }, { "name": "amount", "type": "double" },
          { "name": "card", "type": "string" }, { "name": "cvv", "type": "int" } ] }
        """;

    private static GeneratorRun Run(string aliases, params string[] keys) =>
        KeyChainSpecs.Run(Payment, "FileStreamSink", aliases, keys);

    private static string Hint(GeneratorRun run, string suffix) =>
        run.Source(run.HintNames.Single(h => h.EndsWith(suffix, StringComparison.Ordinal)));

    /// <summary>Compiles the run's code and runs the key chain on a payment; the key it returns.</summary>
    private static object? KeyOf(GeneratorRun run)
    {
        var assembly = run.Load("kconnector-sinkkey");
        var payment = Activator.CreateInstance(
            assembly.GetType("Shop.Pay.Payment", throwOnError: true)!
        )!;
        Set(payment, "Id", "p-7");
        Set(payment, "Amount", 12.5);
        Set(payment, "Card", "4111");
        Set(payment, "Cvv", 123);
        return assembly
            .GetTypes()
            .Single(t => t.Name == "PaymentsKeyChain")
            .GetMethod("Apply", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, ["payments", payment]);
    }

    private static void Set(object record, string property, object? value) =>
        record.GetType().GetProperty(property)!.SetValue(record, value);

    private static object? Get(object record, string property) =>
        record.GetType().GetProperty(property)!.GetValue(record);

    [Fact]
    public void ValueToKeyAfterValueStages_KeyIsAConnectDefaultStructOfTheFieldsAsTheyLeftThem()
    {
        var run = Run(
            "rename,tokey,cast",
            "\"transforms.rename.type\": \"ReplaceField$Value\"",
            "\"transforms.rename.renames\": \"id:payment_id\"",
            "\"transforms.tokey.type\": \"org.apache.kafka.connect.transforms.ValueToKey\"",
            "\"transforms.tokey.fields\": \"payment_id,cvv\"",
            "\"transforms.cast.type\": \"Cast$Key\"",
            "\"transforms.cast.spec\": \"cvv:string\""
        );

        var key = KeyOf(run)!;
        Assert.Equal("ConnectDefault", key.GetType().Name);
        Assert.Equal("p-7", Get(key, "PaymentId"));
        Assert.Equal("123", Get(key, "Cvv"));
        var worker = Hint(run, ".Worker.g.cs");
        // One reader of the topic's value, shared by the value converter and the key converter.
        Assert.Contains(
            "var valueInput = new global::KConnector.Transforms.Compiled.SinkValueInput<global::Shop.Pay.Payment>(",
            worker,
            StringComparison.Ordinal
        );
        Assert.Matches(
            @"new global::KConnector\.Transforms\.Compiled\.SinkKeyChainConverter<global::Shop\.Pay\.Payment, global::([A-Za-z.]+\.)?PaymentsKeyOutput\.ConnectDefault>\(valueInput, global::([A-Za-z.]+\.)?PaymentsKeyChain\.Apply\)",
            worker
        );
        Assert.Matches(
            @"new global::KConnector\.Transforms\.Compiled\.SinkChainConverter<global::Shop\.Pay\.Payment, global::([A-Za-z.]+\.)?PaymentsOutput\.Payment>\(valueInput, ",
            worker
        );
        // The task takes the output key.
        Assert.Matches(
            @"SinkTaskRunner<global::([A-Za-z.]+\.)?PaymentsKeyOutput\.ConnectDefault, global::([A-Za-z.]+\.)?PaymentsOutput\.Payment>",
            worker
        );
        Assert.Contains("\"rename\", \"tokey\", \"cast\"", worker, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueToKeyOnly_ValueConverterIsTheSharedReader_ExtractFieldKeyMakesAStringKey()
    {
        var run = Run(
            "tokey,extract",
            "\"transforms.tokey.type\": \"ValueToKey\"",
            "\"transforms.tokey.fields\": \"id\"",
            "\"transforms.extract.type\": \"ExtractField$Key\"",
            "\"transforms.extract.field\": \"id\""
        );

        Assert.Equal("p-7", KeyOf(run));
        var worker = Hint(run, ".Worker.g.cs");
        Assert.Matches(
            @"SinkKeyChainConverter<global::Shop\.Pay\.Payment, string>\(valueInput, global::([A-Za-z.]+\.)?PaymentsKeyChain\.Apply\),\s+valueInput,",
            worker
        );
        Assert.Contains(
            "SinkTaskRunner<string, global::Shop.Pay.Payment>",
            worker,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            run.HintNames,
            h => h.EndsWith(".ValueChain.g.cs", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void AvroKeyConverterWithoutKeySchema_IsNotChecked_NoConverterReadsTheTopicsKey()
    {
        var run = Run(
            "tokey",
            "\"key.converter\": \"io.confluent.connect.avro.AvroConverter\"",
            "\"key.converter.schema.registry.url\": \"mock://payments\"",
            "\"transforms.tokey.type\": \"ValueToKey\"",
            "\"transforms.tokey.fields\": \"id,cvv\""
        );

        var key = KeyOf(run)!;
        Assert.Equal("p-7", Get(key, "Id"));
        Assert.DoesNotContain(
            "ConverterFactory.Create<string>(config.KeyConverter",
            Hint(run, ".Worker.g.cs"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ValueToKeyOfAFieldTheValueNoLongerHas_IsKcn0251AtItsLine()
    {
        var run = Run(
            "drop,tokey",
            "\"transforms.drop.type\": \"ReplaceField$Value\"",
            "\"transforms.drop.exclude\": \"cvv\"",
            "\"transforms.tokey.type\": \"ValueToKey\"",
            "\"transforms.tokey.fields\": \"id,cvv\""
        );

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "KCN0251");
        Assert.Equal(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("\"cvv\"", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}

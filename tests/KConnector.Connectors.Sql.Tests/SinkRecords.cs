using KConnector.Connectors.Sql.Tests.Records;
using KConnector.Records;

namespace KConnector.Connectors.Sql.Tests;

/// <summary>Builds sink records as the worker hands them over.</summary>
internal static class SinkRecords
{
    public static SinkRecord<TKey, TValue> Of<TKey, TValue>(
        string topic,
        long offset,
        TKey? key,
        TValue? value
    ) =>
        new()
        {
            Topic = topic,
            Partition = 0,
            Offset = offset,
            Key = key,
            Value = value,
        };

    public static Order Order(
        long id,
        string customer = "acme",
        double amount = 1.5,
        string? note = null
    ) =>
        new()
        {
            Id = id,
            Customer = customer,
            Amount = amount,
            Note = note,
        };

    public static Dictionary<string, string?> Config(
        string url,
        params (string Key, string Value)[] extra
    )
    {
        var config = new Dictionary<string, string?>
        {
            ["connection.url"] = url,
            ["max.retries"] = "0",
        };
        foreach (var (k, v) in extra)
        {
            config[k] = v;
        }
        return config;
    }
}

using System.Globalization;
using System.Text.Json;

namespace KConnector.Connectors.Http.Sink;

/// <summary>
/// Reads AWS Lambda's partial batch response (<c>{"batchItemFailures":[{"itemIdentifier":"..."}]}</c>,
/// as Lambda's SQS/Kinesis event sources use it) from a 2xx answer: which records of the request
/// the function could not process. Any other body (or none) means every record succeeded.
/// </summary>
internal static class BatchItemFailures
{
    /// <summary>Indices into the batch of the failed records; identifiers are indices or topic-partition-offset.</summary>
    public static IReadOnlyList<int> Read(byte[] body, IReadOnlyList<string> coordinates)
    {
        if (body.Length == 0 || body[0] is not (byte)'{' and not (byte)' ' and not (byte)'\n')
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (
                document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("batchItemFailures", out var failures)
                || failures.ValueKind != JsonValueKind.Array
            )
            {
                return [];
            }
            var indices = new List<int>();
            foreach (var item in failures.EnumerateArray())
            {
                if (
                    item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("itemIdentifier", out var id)
                )
                {
                    continue;
                }
                var text =
                    id.ValueKind == JsonValueKind.Number
                        ? id.GetRawText()
                        : id.GetString() ?? string.Empty;
                var index =
                    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                    && i < coordinates.Count
                        ? i
                        : Array.IndexOf(coordinates.ToArray(), text);
                if (index >= 0 && !indices.Contains(index))
                {
                    indices.Add(index);
                }
            }
            return indices;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

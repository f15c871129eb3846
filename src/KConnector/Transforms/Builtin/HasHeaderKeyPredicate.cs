namespace KConnector.Transforms.Builtin;

/// <summary>Kafka Connect's <c>HasHeaderKey</c>: some header has the name.</summary>
internal sealed class HasHeaderKeyPredicate(string name) : IPredicate
{
    public bool Test<TKey, TValue>(ConnectRecord<TKey, TValue> record)
    {
        foreach (var header in record.Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}

namespace KConnector.Transforms.Compiled;

/// <summary>
/// A sink key converter that needs the record's value: a key the build compiled from the value
/// (ValueToKey), which a key converter given the key bytes alone never sees. The sink runner hands
/// such a converter the value's bytes too; nothing else changes.
/// </summary>
internal interface ISinkRecordKeyConverter<TKey>
{
    /// <summary>The key of the consumed record of <paramref name="topic"/> with <paramref name="key"/> and <paramref name="value"/> bytes.</summary>
    TKey? KeyOf(string topic, byte[]? key, byte[]? value);
}

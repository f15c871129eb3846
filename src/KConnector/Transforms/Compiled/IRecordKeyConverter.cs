namespace KConnector.Transforms.Compiled;

/// <summary>
/// A key converter that needs the whole record: a source's key computed at build time from the
/// value (ValueToKey), which a key converter given only the key never sees. The source runner
/// hands such a converter the record's value too; nothing else changes.
/// </summary>
internal interface IRecordKeyConverter<TKey, TValue>
{
    /// <summary>The key bytes of the record for <paramref name="topic"/> with <paramref name="key"/> and <paramref name="value"/>.</summary>
    byte[]? FromRecord(string topic, TKey? key, TValue? value);
}

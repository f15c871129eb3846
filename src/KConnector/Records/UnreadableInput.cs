namespace KConnector.Records;

/// <summary>
/// Input a source task read but could not turn into a record (a malformed line, a row that does
/// not fit the schema), carried by <see cref="SourceRecord{TKey,TValue}.Unreadable"/>. Kafka
/// Connect's sink tasks report such input through an <c>ErrantRecordReporter</c> (KIP-610); a
/// source task instead returns it in its poll batch, in its place among the records, so that its
/// source offset is committed in order with theirs.
/// </summary>
/// <param name="RawKey">The raw key bytes, if the input had a key; the dead-letter record's key.</param>
/// <param name="RawValue">The raw bytes as read (a line without its line break); the dead-letter record's value.</param>
/// <param name="Error">Why it could not be read; its message should locate the input (file and byte position, table and row).</param>
public sealed record UnreadableInput(byte[]? RawKey, byte[]? RawValue, Exception Error);

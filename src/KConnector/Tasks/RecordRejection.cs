namespace KConnector.Tasks;

/// <summary>One record a sink task's put could not write.</summary>
/// <param name="Index">The record's index in the batch handed to the put.</param>
/// <param name="Error">Why; a <see cref="Errors.RetriableException"/> asks for the record to be put again.</param>
public sealed record RecordRejection(int Index, Exception Error);

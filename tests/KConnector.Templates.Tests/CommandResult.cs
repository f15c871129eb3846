namespace KConnector.Templates.Tests;

/// <summary>What a <c>dotnet</c> command ended with.</summary>
public sealed record CommandResult(int ExitCode, string Output);

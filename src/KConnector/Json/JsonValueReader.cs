using System.Text.Json;

namespace KConnector.Json;

/// <summary>
/// Reads one JSON value at <paramref name="reader"/>'s current token and leaves the reader on
/// the value's last token (the convention of System.Text.Json's converters). Generated code
/// passes static lambdas or method groups, which the compiler caches: no allocation per call.
/// </summary>
/// <typeparam name="T">The value's C# type.</typeparam>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);

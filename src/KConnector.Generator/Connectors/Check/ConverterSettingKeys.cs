using System;

namespace KConnector.Generator.Connectors;

/// <summary>
/// <c>key.converter.*</c> / <c>value.converter.*</c>: the converter's own settings, passed to it with
/// the prefix removed, as Kafka Connect's worker does. Which settings exist is the chosen converter's
/// definition (its descriptor), checked once the resolver knows the converter
/// (<see cref="ConverterSettingChecker"/>).
/// </summary>
internal static class ConverterSettingKeys
{
    public const string KeyPrefix = "key.converter.";
    public const string ValuePrefix = "value.converter.";

    /// <summary>Whether <paramref name="name"/> is a setting of the key or value converter.</summary>
    public static bool IsSetting(string name) =>
        (name.StartsWith(KeyPrefix, StringComparison.Ordinal) && name.Length > KeyPrefix.Length)
        || (
            name.StartsWith(ValuePrefix, StringComparison.Ordinal)
            && name.Length > ValuePrefix.Length
        );
}

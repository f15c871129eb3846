using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// One config key of a generated connector: what the emitted <c>ConfigKey</c> says, the property of the
/// generated config class, and (for attribute connectors) the user's property it is copied to.
/// </summary>
/// <param name="Name">The Kafka-style key.</param>
/// <param name="PropertyName">The property of the generated config class.</param>
/// <param name="Default">The default as text, or null.</param>
/// <param name="Min">The minimum as C# literal text, or null.</param>
/// <param name="Max">The maximum as C# literal text, or null.</param>
/// <param name="Group">Common, Error Handling, Converters or Connector.</param>
/// <param name="UserProperty">The user's property to set from this key, or null.</param>
/// <param name="UserPropertyNullable">Whether the user's property type is nullable.</param>
/// <param name="Recommended">Values to suggest (others are allowed).</param>
/// <param name="RequiredWhenKey">Another key whose value (one of <paramref name="RequiredWhenValues"/>) makes this one required.</param>
internal sealed record ConfigKeyModel(
    string Name,
    string PropertyName,
    ConfigKeyType Type,
    string? Default,
    bool Required,
    string Importance,
    string Doc,
    string? Min,
    string? Max,
    string? Pattern,
    EquatableArray<string> OneOf,
    string Group,
    string? UserProperty = null,
    bool UserPropertyNullable = false,
    EquatableArray<string> Recommended = default,
    string? RequiredWhenKey = null,
    EquatableArray<string> RequiredWhenValues = default
);

namespace KConnector.Generator.JsonSchema;

/// <summary>What an object does with members it does not declare ("additionalProperties").</summary>
internal enum AdditionalPropertiesMode
{
    /// <summary>Absent or true: kept as JsonElement values, written back unchanged (no data lost).</summary>
    Keep,

    /// <summary>false: none are allowed; reading one throws.</summary>
    Forbid,

    /// <summary>A schema: kept in a typed dictionary.</summary>
    Typed,
}

using System;

namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>The JSON Schema "type" names a schema allows, as flags.</summary>
[Flags]
internal enum JsonValueTypes
{
    None = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Object = 16,
    Array = 32,
    Null = 64,
}

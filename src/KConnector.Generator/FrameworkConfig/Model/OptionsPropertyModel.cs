using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.FrameworkConfig;

/// <summary>
/// One key of a <c>[TypedConfigKeys]</c> options record and the property that types it.
/// </summary>
/// <param name="Key">The key, its <c>PropertyName</c> the record's property (generated or hand-written).</param>
/// <param name="Kind">Whether the generator writes the property, or only its default and read, or neither.</param>
/// <param name="TypeName">The hand-written property's type, fully qualified (Enum and Milliseconds), else empty.</param>
/// <param name="EnumMembers">The enum's member names (Enum), in declaration order.</param>
internal sealed record OptionsPropertyModel(
    ConfigKeyModel Key,
    OptionsPropertyKind Kind,
    string TypeName,
    EquatableArray<string> EnumMembers
);

namespace KConnector.Plugins;

/// <summary>
/// Adds, at this point of a descriptor's keys, the <see cref="ConfigKeyAttribute"/>s of another class:
/// keys several plugins share (the HTTP connectors' request keys, the SQL connectors' credentials)
/// are defined once, as Kafka Connect composes one <c>ConfigDef</c> from another's.
/// </summary>
/// <param name="keys">A class whose <see cref="ConfigKeyAttribute"/>s are the shared keys.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IncludeConfigKeysAttribute(Type keys) : Attribute
{
    /// <summary>The class whose keys are included.</summary>
    public Type Keys { get; } = keys;
}

namespace KConnector.Generator.Plugins;

/// <summary>The metadata names of the runtime's descriptor attributes (KConnector.Plugins).</summary>
internal static class PluginAttributeNames
{
    public const string ConnectPlugin = "KConnector.Plugins.ConnectPluginAttribute";
    public const string ConfigKey = "KConnector.Plugins.ConfigKeyAttribute";
    public const string ConfigKeySet = "KConnector.Plugins.ConfigKeySetAttribute";
    public const string IncludeConfigKeys = "KConnector.Plugins.IncludeConfigKeysAttribute";

    /// <summary>The conventional static method of a connector's descriptor that the generated worker calls.</summary>
    public const string CreateTask = "CreateTask";

    /// <summary>
    /// A sink descriptor's method for a task that takes a Connect primitive value a compiled chain
    /// makes (the file sink's, which prints it as Kafka Connect's FileStreamSinkTask does); a sink
    /// without one takes records only.
    /// </summary>
    public const string CreatePrimitiveTask = "CreatePrimitiveTask";

    /// <summary>The runtime's assembly: only it and assemblies referencing it can hold descriptors.</summary>
    public const string RuntimeAssembly = "KConnector";
}

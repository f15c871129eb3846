using KConnector.Generator.Helpers;

namespace KConnector.Generator.ConfigProviders;

/// <summary>
/// A config provider plugin of a referenced package, as the generator reads its descriptor
/// (<c>[ConnectPlugin(..., PluginKind.ConfigProvider)]</c>) from metadata: what the generated
/// registration hands the worker's table. Value-equatable.
/// </summary>
/// <param name="ClassName">The class name <c>config.providers.&lt;name&gt;.class</c> gives.</param>
/// <param name="Aliases">Its other names.</param>
/// <param name="Descriptor">The descriptor class's fully qualified C# name (<c>global::...</c>).</param>
/// <param name="Description">One sentence on what it does.</param>
internal sealed record ConfigProviderPluginModel(
    string ClassName,
    EquatableArray<string> Aliases,
    string Descriptor,
    string Description
);

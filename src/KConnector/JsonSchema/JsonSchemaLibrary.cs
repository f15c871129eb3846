using System.Diagnostics.CodeAnalysis;

namespace KConnector.JsonSchema;

/// <summary>
/// Whether NJsonSchema (over Newtonsoft.Json) validates the JSON Schemas the generator did not
/// compile: a schema with a keyword KCN0112 names, or a writer's schema from the registry that is not
/// the type's own. A feature switch: the KConnector package's build targets turn it off in a
/// Native AOT publish, so the compiler drops every branch it guards and the binary carries neither
/// library (both reflect over their own types and are not trim- or AOT-safe). Set the MSBuild
/// property <c>KConnectorJsonSchemaLibraryValidation</c> to true to keep it (docs/native-aot.md).
/// </summary>
internal static class JsonSchemaLibrary
{
    /// <summary>The switch's name, as the build targets set it (RuntimeHostConfigurationOption).</summary>
    public const string SwitchName = "KConnector.JsonSchema.LibraryValidation.IsSupported";

    /// <summary>On unless the switch says otherwise: a JIT worker keeps the library.</summary>
    /// <remarks>
    /// Not a [FeatureGuard]: nothing can prove to the analyzer that unreferenced code is absent.
    /// NJsonSchema carries no trim annotations, so a kept library shows as IL2104/IL3053 for its
    /// assemblies at publish, and the build targets add KCN0113 saying why it is kept.
    /// </remarks>
    [FeatureSwitchDefinition(SwitchName)]
    public static bool IsSupported =>
        !AppContext.TryGetSwitch(SwitchName, out var supported) || supported;

    /// <summary>Why a schema that needs the library cannot be checked in this process.</summary>
    public static string Unavailable(string what) =>
        $"{what} is not compiled (build warning KCN0112 names the keyword), and this worker was "
        + "published without the run-time JSON Schema library (a Native AOT publish leaves it out: "
        + $"the switch {SwitchName} is false). Use only compiled keywords in the schema, or publish "
        + "JIT; -p:KConnectorJsonSchemaLibraryValidation=true keeps the library, but it is not trim- "
        + "or AOT-safe and fails in a native binary (docs/native-aot.md).";

    /// <summary>Why the library's public entry points require unreferenced and dynamic code.</summary>
    public const string Reason =
        "NJsonSchema and Newtonsoft.Json reflect over their own types to load a schema and validate "
        + "a payload; the compiled validation the generator writes is the trim- and AOT-safe road "
        + "(docs/jsonschema.md).";
}

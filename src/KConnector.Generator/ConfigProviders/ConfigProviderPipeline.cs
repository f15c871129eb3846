using Microsoft.CodeAnalysis;

namespace KConnector.Generator.ConfigProviders;

/// <summary>
/// The referenced packages' config providers -> their registration. Re-read on each compilation,
/// but its output is equatable, so the emit step stays cached while the references do not change.
/// </summary>
internal static class ConfigProviderPipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        var providers = context
            .CompilationProvider.Select(
                static (compilation, cancellationToken) =>
                    ConfigProviderCatalogReader.Read(compilation, cancellationToken)
            )
            .WithTrackingName(KConnectorGeneratorStepNames.ConfigProviderCatalog);
        context.RegisterSourceOutput(providers, ConfigProviderRegistrationEmitter.Emit);
    }
}

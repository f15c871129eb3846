namespace KConnector.Hosting;

/// <summary>
/// The service provider of a worker run outside a .NET host: it has no services. Connectors whose
/// typed config validates their settings (generated ones) ask for none.
/// </summary>
internal sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}

using KConnector.Configuration;
using KConnector.Hosting;
using KConnector.Rest;

namespace KConnector.Worker.TestHost;

/// <summary>Connectors created over REST on a distributed test worker: CountingSource or FileAppendSink.</summary>
internal sealed class TestConnectorFactory(
    Func<IReadOnlyDictionary<string, string>, ConnectorRegistration> create
) : IConnectorFactory
{
    public IReadOnlyList<ConnectorPlugin> Plugins => [];

    public ConnectorRegistration Create(IReadOnlyDictionary<string, string> config)
    {
        var name = config.GetValueOrDefault("name") ?? "connector";
        var type = config.GetValueOrDefault("connector.class");
        if (type is not ("CountingSource" or "FileAppendSink"))
        {
            throw new ConfigValidationException(
                name,
                [new ConfigIssue("connector.class", "must be CountingSource or FileAppendSink")]
            );
        }
        return create(config);
    }

    public IReadOnlyList<ConfigIssue> Validate(IReadOnlyDictionary<string, string> config)
    {
        try
        {
            _ = Create(config);
            return [];
        }
        catch (ConfigValidationException e)
        {
            return e.Issues;
        }
    }
}

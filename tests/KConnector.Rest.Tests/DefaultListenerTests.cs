using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KConnector.Rest.Tests;

/// <summary>
/// Where the API listens when <c>listeners</c> is not set: Kafka Connect's port on the loopback
/// only (Connect binds every interface; a KConnector worker is not open to the network until asked).
/// </summary>
public sealed class DefaultListenerTests
{
    [Fact]
    public void HostedWorker_WithoutListeners_BindsTheLoopbackOnly_OnConnectsPort()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var worker = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["bootstrap.servers"] = "127.0.0.1:9092" }
            )
            .Build();

        builder.AddKafkaConnectRestApi(worker);

        Assert.Equal(
            "http://127.0.0.1:8083",
            builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)
        );
    }

    [Fact]
    public void HostedWorker_WithListeners_BindsThoseOnly()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var worker = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["bootstrap.servers"] = "127.0.0.1:9092",
                    ["listeners"] = "http://127.0.0.1:0, http://[::1]:0",
                }
            )
            .Build();

        builder.AddKafkaConnectRestApi(worker);

        Assert.Equal(
            "http://127.0.0.1:0;http://[::1]:0",
            builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)
        );
    }
}

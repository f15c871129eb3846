using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KConnector.Kafka;

namespace KConnector.Rest.Tests;

/// <summary>
/// <c>kconnector run</c>'s REST API with the options an operator turns on: automatic restarts of a
/// failed task (and the health endpoints that follow them), HTTPS with a PKCS#12 key store, and
/// basic authentication.
/// </summary>
public sealed class OperatorSessionOptionsTests
{
    [Fact]
    public async Task AutoRestart_RestartsTheFailedTaskThenGivesUp_ReadyFollowsIt()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        kafka.CreateTopic("orders", partitions: 1);
        using var session = new OperatorSession(kafka.BootstrapServers);
        using var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        using var client = new HttpClient
        {
            BaseAddress = await tool.RestAddressAsync(),
            Timeout = TimeSpan.FromMinutes(2),
        };
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/health/ready")).Status);

        session.AppendOrders(0, 3);
        File.AppendAllText(session.Input, "this is not json\n");
        var created = await client.PostJsonAsync(
            "/connectors",
            session.SourceJson(
                "flaky-source",
                """, "task.restart.auto.enable": "true", "task.restart.max.attempts": "2", "task.restart.backoff.initial.ms": "300" """
            )
        );
        Assert.True(
            created.Status == HttpStatusCode.Created,
            created.Body.ToString() + tool.Output
        );

        await Http.UntilAsync(
            () =>
                Task.FromResult(
                    tool.Output.Contains(
                        "failed after 2 automatic restarts",
                        StringComparison.Ordinal
                    )
                ),
            "the automatic restarts to give up\n" + tool.Output
        );
        Assert.Contains("(attempt 1 of 2)", tool.Output, StringComparison.Ordinal);
        Assert.Contains("(attempt 2 of 2)", tool.Output, StringComparison.Ordinal);
        var (_, task) = await client.GetJsonAsync("/connectors/flaky-source/tasks/0/status");
        Assert.Equal("FAILED", task.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(task.GetProperty("trace").GetString()));
        Assert.Equal(
            HttpStatusCode.ServiceUnavailable,
            (await client.GetJsonAsync("/health/ready")).Status
        );

        var fixedConfig = await client.PatchJsonAsync(
            "/connectors/flaky-source/config",
            """{"errors.tolerance": "all"}"""
        );
        Assert.Equal(HttpStatusCode.OK, fixedConfig.Status);
        await Http.UntilAsync(
            async () => (await client.GetJsonAsync("/health/ready")).Status == HttpStatusCode.OK,
            "the worker to be ready again"
        );
    }

    [Fact]
    public async Task HttpsAndBasicAuth_EveryRequestNeedsCredentials()
    {
        using var kafka = EmbeddedKafka.Start(brokerCount: 1, initialRebalanceDelay: TimeSpan.Zero);
        var folder = Directory.CreateTempSubdirectory("kconnector-tls-").FullName;
        using var certificate = SelfSigned();
        var keystore = Path.Combine(folder, "worker.p12");
        File.WriteAllBytes(keystore, certificate.Export(X509ContentType.Pkcs12, "ks-pass"));
        var users = Path.Combine(folder, "users.properties");
        File.WriteAllText(users, "operator: 0p-secret\n");
        using var session = new OperatorSession(
            kafka.BootstrapServers,
            $"""
            listeners=https://127.0.0.1:0
            listeners.https.ssl.keystore.location={keystore}
            listeners.https.ssl.keystore.password=ks-pass
            rest.basic.auth.users.file={users}
            """
        );
        using var tool = ToolProcess.Run(session.Folder, session.WorkerProperties);
        using var handler = new HttpClientHandler
        {
            // The worker's own self-signed certificate, and no other.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                presented?.Thumbprint == certificate.Thumbprint,
        };
        using var client = new HttpClient(handler)
        {
            BaseAddress = await tool.RestAddressAsync(),
            Timeout = TimeSpan.FromMinutes(1),
        };
        Assert.Equal("https", client.BaseAddress!.Scheme);

        (await client.GetJsonAsync("/connectors")).AssertError(HttpStatusCode.Unauthorized);
        (await client.GetJsonAsync("/health/live")).AssertError(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String("operator:0p-secret"u8.ToArray())
            );
        Assert.Equal(HttpStatusCode.OK, (await client.GetJsonAsync("/connectors")).Status);
        Assert.DoesNotContain("ks-pass", tool.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0p-secret", tool.Output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=127.0.0.1",
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1
        );
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(1)
        );
    }
}

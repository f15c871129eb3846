using KConnector.Configuration;

namespace KConnector.Tests.Configuration;

/// <summary>Issue 20, item 1: a URL shown to a person never carries its credentials.</summary>
public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("http://alice:s3cret@registry:8081/", "http://[hidden]@registry:8081/")]
    [InlineData("https://alice:s3cret@registry/subjects/x", "https://[hidden]@registry/subjects/x")]
    [InlineData("https://hooks.example/fn?code=s3cret&x=1", "https://hooks.example/fn?[hidden]")]
    [InlineData("http://[::1]:9200/", "http://[::1]:9200/")]
    [InlineData("http://127.0.0.1:9200/index", "http://127.0.0.1:9200/index")]
    public void Redact_HidesUserInfoAndQuery_KeepsWhereItPoints(string url, string shown)
    {
        Assert.Equal(shown, UrlRedaction.Redact(new Uri(url)));
    }

    [Theory]
    [InlineData(
        "jdbc:postgresql://alice:s3cret@db:5432/shop?user=alice&password=s3cret",
        "jdbc:postgresql://[hidden]@db:5432/shop?[hidden]"
    )]
    [InlineData(
        "http://alice:s3cret@a:8081,http://bob:s3cret@b:8081",
        "http://[hidden]@a:8081,http://[hidden]@b:8081"
    )]
    [InlineData("jdbc:sqlite:orders.db", "jdbc:sqlite:orders.db")]
    public void Redact_Text_HidesEveryUrlsCredentials(string url, string shown)
    {
        Assert.Equal(shown, UrlRedaction.Redact(url));
    }

    [Fact]
    public void RedactIn_FreeText_HidesUserInfoAndSecretParameters_KeepsTheRest()
    {
        var text =
            "GET http://alice:s3cret@registry:8081/schemas/ids/1 failed; see https://x/y?api_key=s3cret&page=2 and jdbc:mysql://bob:s3cret@db/shop?password=s3cret";

        var shown = UrlRedaction.RedactIn(text);

        Assert.DoesNotContain("s3cret", shown, StringComparison.Ordinal);
        Assert.Equal(
            "GET http://[hidden]@registry:8081/schemas/ids/1 failed; see https://x/y?api_key=[hidden]&page=2 and jdbc:mysql://[hidden]@db/shop?password=[hidden]",
            shown
        );
    }
}

using KConnector.Configuration;

namespace KConnector.Tests.Configuration;

public class PropertiesFileTests
{
    [Fact]
    public void Parse_ReadsJavaPropertiesSyntax()
    {
        var values = PropertiesFile.Parse(
            """
            # a comment
            ! another comment
            db.user=app
            db.password : s3cr=t
            db.host   localhost
            empty=
            long.value = first \
                second
            escaped\ key=tab\there
            unicode=caf\u00e9
            db.user=app2
            """
        );

        Assert.Equal("app2", values["db.user"]);
        Assert.Equal("s3cr=t", values["db.password"]);
        Assert.Equal("localhost", values["db.host"]);
        Assert.Equal(string.Empty, values["empty"]);
        Assert.Equal("first second", values["long.value"]);
        Assert.Equal("tab\there", values["escaped key"]);
        Assert.Equal("café", values["unicode"]);
        Assert.False(values.ContainsKey("# a comment"));
    }
}

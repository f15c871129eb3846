using System.Text;
using KConnector.Avro;
using KConnector.Converters;
using KConnector.Converters.Json;
using KConnector.Errors;
using KConnector.Tests.Avro.Model;

namespace KConnector.Tests.Converters;

/// <summary>
/// Issue 20: the JsonConverter over .avsc types that its reader refused at run time with
/// NotSupportedException: uuid and duration on fixed read back what WriteJson printed; a recursive
/// record reads and writes as plain JSON (schemas.enable=false), and with schemas.enable=true the
/// converter refuses to start with a ConfigException naming the key, not a per-record failure.
/// </summary>
public class JsonConverterAvroShapesTests
{
    private static JsonConverter<T> Converter<T>(bool schemasEnable, bool isKey = false)
        where T : IAvroRecord<T>, KConnector.Json.IJsonRecord<T> =>
        new(
            new AvroRecordJsonCodec<T>(),
            ConverterConfig.From(
                new Dictionary<string, string>
                {
                    ["schemas.enable"] = schemasEnable ? "true" : "false",
                },
                isKey
            )
        );

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UuidAndDurationOnFixed_RoundTrip(bool schemasEnable)
    {
        var converter = Converter<FixedLogicals>(schemasEnable);
        var value = new FixedLogicals
        {
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Wait = new AvroDuration(1, 2, 3),
            MaybeId = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        };

        var json = converter.FromConnectData("t", value)!;
        var back = converter.ToConnectData("t", json)!;

        Assert.Contains(
            "\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"",
            Encoding.UTF8.GetString(json),
            StringComparison.Ordinal
        );
        Assert.Equal(value, back);
        Assert.Null(
            converter
                .ToConnectData("t", converter.FromConnectData("t", value with { MaybeId = null }))!
                .MaybeId
        );
    }

    [Fact]
    public void AUuidThatIsNotAUuid_IsADataExceptionNamingTheField()
    {
        var converter = Converter<FixedLogicals>(schemasEnable: false);

        var error = Assert.Throws<DataException>(() =>
            converter.ToConnectData(
                "t",
                """{"id":"not-a-uuid","wait":"AQAAAAIAAAADAAAA","maybeId":null}"""u8.ToArray()
            )
        );

        Assert.Contains(
            "'KConnector.Tests.Avro.Model.FixedLogicals.id'",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("a UUID string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecursiveRecord_RoundTripsAsPlainJson()
    {
        var converter = Converter<TreeNode>(schemasEnable: false);
        var tree = new TreeNode
        {
            Value = 1,
            Children =
            [
                new TreeNode { Value = 2, Children = [new TreeNode { Value = 3, Children = [] }] },
                new TreeNode { Value = 4, Children = [] },
            ],
        };

        var json = converter.FromConnectData("trees", tree)!;
        var back = converter.ToConnectData("trees", json)!;

        Assert.Equal(
            """{"value":1,"children":[{"value":2,"children":[{"value":3,"children":[]}]},{"value":4,"children":[]}]}""",
            Encoding.UTF8.GetString(json)
        );
        Assert.Equal(3, back.Children[0].Children[0].Value);
        Assert.Equal(4, back.Children[1].Value);
    }

    [Theory]
    [InlineData(false, "value.converter.schemas.enable")]
    [InlineData(true, "key.converter.schemas.enable")]
    public void RecursiveRecord_WithTheEnvelope_RefusesToStart_NamingTheKey(bool isKey, string key)
    {
        var error = Assert.Throws<ConfigException>(() =>
            Converter<TreeNode>(schemasEnable: true, isKey)
        );

        Assert.Equal(key, error.Key);
        Assert.Contains(
            "Avro record 'KConnector.Tests.Avro.Model.TreeNode' is recursive",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.StartsWith(key + "=true", error.Message, StringComparison.Ordinal);
    }
}

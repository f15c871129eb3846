namespace KConnector.Cli.Tests;

/// <summary>
/// <c>kconnector run</c> with transforms: a spec's transform that cannot apply stops the run before
/// anything starts with the build's diagnostic (file, line, did-you-mean), and a <c>--set</c>
/// transform setting gets the worker's verdict naming the key.
/// </summary>
public sealed class TransformsRunTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    [Fact]
    public async Task SpecWithAMisspelledTransform_IsNotStarted_ExitOne_WithKcn0260()
    {
        var spec = _folder.Write(
            "routed.connector.json",
            "{\n  \"name\": \"routed\",\n  \"config\": {\n    \"connector.class\": \"FileStreamSink\",\n"
                + "    \"topics\": \"orders\",\n    \"file\": \"out.jsonl\",\n"
                + "    \"transforms\": \"route\",\n"
                + "    \"transforms.route.type\": \"RegexRoutr\",\n"
                + "    \"transforms.route.regex\": \"(.*)\",\n"
                + "    \"transforms.route.replacement\": \"$1-copy\"\n  }\n}\n"
        );

        var run = await CliRun.InvokeAsync("run", spec, "--duration", "30");

        run.AssertRefusedBeforeRunning(
            "KCN0260",
            "routed.connector.json(8,",
            "Did you mean \"RegexRouter\"?"
        );
    }

    [Fact]
    public async Task SpecWithAChainItsSchemaCannotTake_IsNotStarted_ExitOne_WithKcn0251()
    {
        var spec = _folder.Write(
            "renamed.connector.json",
            "{\n  \"name\": \"renamed\",\n  \"config\": {\n    \"connector.class\": \"FileStreamSink\",\n"
                + "    \"topics\": \"orders\",\n    \"file\": \"out.jsonl\",\n"
                + "    \"value.schema\": \"order.avsc\",\n"
                + "    \"transforms\": \"rename\",\n"
                + "    \"transforms.rename.type\": \"ReplaceField$Value\",\n"
                + "    \"transforms.rename.renames\": \"order_di:id\"\n  }\n}\n"
        );

        var run = await CliRun.InvokeAsync("run", spec, "--duration", "30");

        run.AssertRefusedBeforeRunning(
            "KCN0251",
            "renamed.connector.json(10,",
            "names the field \"order_di\", which the value KConnector.Cli.Tests.Shop.CliOrder does not have (its fields: order_id, quantity). Did you mean \"order_id\"?"
        );
    }

    [Theory]
    [InlineData(new[] { "transforms=route" }, "transforms.route.type")]
    [InlineData(
        new[]
        {
            "transforms=route",
            "transforms.route.type=RegexRouter",
            "transforms.route.regex=(",
            "transforms.route.replacement=x",
        },
        "transforms.route.regex"
    )]
    public async Task SetTransformThatCannotApply_ExitsOne_NamingTheKey(string[] sets, string key)
    {
        var arguments = new List<string> { "run", _folder.Spec };
        foreach (var set in sets)
        {
            arguments.Add("--set");
            arguments.Add(set);
        }
        arguments.AddRange(["--duration", "30"]);

        var run = await CliRun.InvokeAsync([.. arguments]);

        run.AssertRefusedBeforeRunning(key);
    }

    public void Dispose() => _folder.Dispose();
}

namespace KConnector.Interop.Tests;

/// <summary>The .proto texts embedded in the test assembly (what the Protobuf converter registers).</summary>
public static class ProtoFiles
{
    public static string Shop { get; } = Read("shop.proto");

    private static string Read(string name)
    {
        using var stream =
            typeof(ProtoFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

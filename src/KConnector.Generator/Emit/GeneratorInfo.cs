namespace KConnector.Generator.Emit;

/// <summary>What every generated file says about its generator, in one place.</summary>
internal static class GeneratorInfo
{
    /// <summary>The version in <c>[GeneratedCode("KConnector.Generator", version)]</c>.</summary>
    public const string Version = "0.1.0";
}

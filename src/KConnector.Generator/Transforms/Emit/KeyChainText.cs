namespace KConnector.Generator.Transforms;

/// <summary>
/// The summary of a compiled key chain's generated class, which <see cref="CompiledChainEmitter"/>
/// writes as it writes the value's: over the task's value (ValueToKey on a source), over the task's
/// own key (a source's <c>$Key</c> stages, before the key converter), or over the key the key
/// converter read (a sink's, whose task takes the output).
/// </summary>
internal static class KeyChainText
{
    public static string[] Summary(CompiledChain chain) =>
        new[]
        {
            chain.KeyFromValue
                ? "The key transformations of the spec, compiled at build time: the record's key computed from the task's value"
            : chain.IsSink
                ? "The key transformations of the spec, compiled at build time: the topic's key to the key the task takes"
            : "The key transformations of the spec, compiled at build time: the task's key to the key the key converter writes",
            chain.KeyFromValue
                ? "(ValueToKey, then the $Key stages), which the key converter writes (docs/transforms.md, \"Compiled at build time\")."
                : "($Key stages), with its schema derived at build time (docs/transforms.md, \"Compiled at build time\").",
        };
}

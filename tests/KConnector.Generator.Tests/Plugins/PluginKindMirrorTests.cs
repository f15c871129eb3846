using KConnector.Generator.Plugins;
using KConnector.Plugins;

namespace KConnector.Generator.Tests.Plugins;

/// <summary>
/// The generator reads <c>[ConnectPlugin]</c>'s kind as a number and names it with its own copy of
/// the runtime's <see cref="PluginKind"/> (it cannot reference the runtime): a kind added or moved in
/// one and not the other would make the build read a converter as a transformation.
/// </summary>
public sealed class PluginKindMirrorTests
{
    [Fact]
    public void TheGeneratorsKinds_AreTheRuntimesByNameAndValue()
    {
        Assert.Equal(
            Enum.GetValues<PluginKind>().Select(k => (k.ToString(), (int)k)),
            Enum.GetValues<PluginAttributeKind>().Select(k => (k.ToString(), (int)k))
        );
    }
}

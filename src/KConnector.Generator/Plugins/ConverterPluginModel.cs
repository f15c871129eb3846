using System;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A converter or header converter as the generator knows it from its descriptor (the runtime's
/// <c>[ConnectPlugin(..., PluginKind.Converter, Carries = ...)]</c> classes): the names a spec may give
/// in <c>key.converter</c> / <c>value.converter</c> / <c>header.converter</c>, the types it carries and
/// its settings (<c>key.converter.*</c>). Value-equatable.
/// </summary>
/// <param name="ClassName">The canonical class name.</param>
/// <param name="Aliases">Other accepted names (simple class name, short alias).</param>
/// <param name="IsHeaderConverter">Whether it is a header converter (else a key/value converter).</param>
/// <param name="Carries">The key and value types it carries.</param>
/// <param name="Keys">Its own settings.</param>
internal sealed record ConverterPluginModel(
    string ClassName,
    EquatableArray<string> Aliases,
    bool IsHeaderConverter,
    TypeFormats Carries,
    EquatableArray<ConfigKeyModel> Keys
)
{
    /// <summary>A converter that is also a header converter (StringConverter, ByteArrayConverter): <c>header.converter</c> may name it.</summary>
    public bool AlsoHeaderConverter { get; init; }

    /// <summary>
    /// The descriptor's fully qualified name when it comes from a package (the generated module
    /// initializer registers it with the worker); null for the runtime's own converters.
    /// </summary>
    public string? Descriptor { get; init; }

    /// <summary>
    /// Whether the worker can create it in each role its kind gives: <c>Create&lt;T&gt;(ConverterContext&lt;T&gt;)</c>
    /// for a converter, <c>CreateHeaderConverter()</c> for a header converter (KCN0283 when not).
    /// </summary>
    public bool Creatable { get; init; } = true;

    /// <summary>The simple class name (<c>AvroConverter</c>), for messages.</summary>
    public string SimpleName => ClassName.Substring(ClassName.LastIndexOf('.') + 1);

    /// <summary>The class name and aliases.</summary>
    public EquatableArray<string> Names => new[] { ClassName }.Concat(Aliases).ToEquatableArray();

    /// <summary>Whether <paramref name="name"/> is its class name or an alias, in any case.</summary>
    public bool IsNamed(string name) =>
        Names.Any(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether it can carry a type of <paramref name="formats"/>, as ConverterFactory decides at run time.</summary>
    public bool CanCarry(TypeFormats formats) => (formats & Carries) != TypeFormats.None;

    /// <summary>How many kinds of types it carries: the fewer, the more specific (picked first as a default).</summary>
    public int Breadth
    {
        get
        {
            var count = 0;
            for (var bits = (int)Carries; bits != 0; bits &= bits - 1)
            {
                count++;
            }
            return count;
        }
    }
}

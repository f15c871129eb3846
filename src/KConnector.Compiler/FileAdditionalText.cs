using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Compiler;

/// <summary>A file on disk as the compiler hands it to a generator (an MSBuild AdditionalFiles item).</summary>
internal sealed class FileAdditionalText(string path) : AdditionalText
{
    private readonly Lazy<SourceText> _text = new(() =>
        SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8)
    );

    /// <inheritdoc />
    public override string Path { get; } = path;

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        _text.Value;
}

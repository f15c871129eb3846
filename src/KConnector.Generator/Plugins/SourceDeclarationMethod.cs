using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Plugins;

/// <summary>
/// A source connector descriptor's declaration about a config, a public static method taking the
/// config (<c>IReadOnlyDictionary&lt;string, string?&gt;</c>) and returning the answer, as Kafka
/// Connect's <c>SourceConnector</c> methods: <see cref="ExactlyOnceSupport"/> and
/// <see cref="CanDefineTransactionBoundaries"/>. The generated <c>Definition</c> carries each as the
/// property of the same name, so the preflight checks ask it with no reflection.
/// </summary>
internal sealed class SourceDeclarationMethod
{
    /// <summary><c>ExactlyOnceSupport? ExactlyOnceSupport(config)</c>: asked by <c>exactly.once.support=required</c>.</summary>
    public static readonly SourceDeclarationMethod ExactlyOnceSupport = new("ExactlyOnceSupport");

    /// <summary><c>ConnectorTransactionBoundaries CanDefineTransactionBoundaries(config)</c>: asked by <c>transaction.boundary=connector</c>.</summary>
    public static readonly SourceDeclarationMethod CanDefineTransactionBoundaries = new(
        "CanDefineTransactionBoundaries"
    );

    private SourceDeclarationMethod(string name) => Name = name;

    /// <summary>The method's name, and the <c>ConfigDefinition</c> property it is carried as.</summary>
    public string Name { get; }

    public bool IsDeclaredBy(INamedTypeSymbol descriptor) =>
        DescriptorConfigMethod.IsDeclared(descriptor, Name, answers: true);
}

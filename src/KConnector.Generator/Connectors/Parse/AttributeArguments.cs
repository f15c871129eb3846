using Microsoft.CodeAnalysis;

namespace KConnector.Generator.Connectors;

/// <summary>The named arguments of a [SourceConnector]/[SinkConnector] attribute (key and value types string when not given).</summary>
internal sealed record AttributeArguments(
    TypeReference? Key,
    TypeReference? Value,
    string? KeyConverter,
    string? ValueConverter,
    string? Topics
)
{
    public static AttributeArguments Read(AttributeData attribute, SpecLocation where)
    {
        var arguments = new AttributeArguments(
            TypeReference.String(where),
            TypeReference.String(where),
            null,
            null,
            null
        );
        foreach (var argument in attribute.NamedArguments)
        {
            arguments = argument.Key switch
            {
                "KeyType" => arguments with
                {
                    Key = AttributeConnectorReader.ReadType(argument.Value, where),
                },
                "ValueType" => arguments with
                {
                    Value = AttributeConnectorReader.ReadType(argument.Value, where),
                },
                "KeyConverter" => arguments with { KeyConverter = argument.Value.Value as string },
                "ValueConverter" => arguments with
                {
                    ValueConverter = argument.Value.Value as string,
                },
                "Topics" => arguments with { Topics = argument.Value.Value as string },
                _ => arguments,
            };
        }
        return arguments;
    }
}

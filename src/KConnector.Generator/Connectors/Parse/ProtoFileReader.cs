using System.Collections.Generic;
using System.Text;
using KConnector.Generator.Helpers;

namespace KConnector.Generator.Connectors;

/// <summary>
/// A small, tolerant reader of .proto files: the package, the csharp_namespace option and the
/// top-level message names, which is all a connector needs (protoc, run by Grpc.Tools, checks the
/// rest and generates the types). Comments, strings and nested braces are skipped; what it cannot
/// read (an unterminated comment or string, unbalanced braces) is reported with its line.
/// </summary>
internal static class ProtoFileReader
{
    public static ProtoFile Read(string text)
    {
        var tokens = new List<Token>();
        var problem = Tokenize(text, tokens);
        string? package = null;
        string? csharpNamespace = null;
        var messages = new List<string>();
        var depth = 0;
        var opened = new Stack<int>();
        for (var i = 0; i < tokens.Count && problem is null; i++)
        {
            var token = tokens[i];
            if (token.Text == "{")
            {
                depth++;
                opened.Push(token.Line);
                continue;
            }
            if (token.Text == "}")
            {
                if (depth == 0)
                {
                    problem = (token.Line, "a '}' closes no '{'");
                    break;
                }
                depth--;
                opened.Pop();
                continue;
            }
            if (depth != 0 || !token.IsWord)
            {
                continue;
            }
            switch (token.Text)
            {
                case "package" when At(tokens, i + 1) is { IsWord: true } name:
                    package = name.Text;
                    break;
                case "message"
                    when At(tokens, i + 1) is { IsWord: true } name
                        && At(tokens, i + 2)?.Text == "{":
                    messages.Add(name.Text);
                    break;
                case "option"
                    when At(tokens, i + 1)?.Text == "csharp_namespace"
                        && At(tokens, i + 2)?.Text == "="
                        && At(tokens, i + 3) is { IsString: true } value:
                    csharpNamespace = value.Text;
                    break;
            }
        }
        if (problem is null && opened.Count > 0)
        {
            problem = (opened.Peek(), "the '{' on this line is never closed");
        }
        return new ProtoFile(
            csharpNamespace ?? NamespaceOfPackage(package ?? string.Empty),
            messages.ToEquatableArray(),
            problem?.Line ?? 0,
            problem?.Message
        );
    }

    /// <summary>
    /// protoc's C# namespace of a package without csharp_namespace: each part in PascalCase,
    /// underscores dropped and the letter after them (or after a digit) capitalized, as its
    /// UnderscoresToCamelCase does ("shop.order_events.v1" is "Shop.OrderEvents.V1").
    /// </summary>
    public static string NamespaceOfPackage(string package)
    {
        var result = new StringBuilder(package.Length);
        var capitalizeNext = true;
        foreach (var c in package)
        {
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capitalizeNext ? (char)(c - 'a' + 'A') : c);
                capitalizeNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                result.Append(c);
                capitalizeNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (c == '.')
                {
                    result.Append('.');
                }
            }
        }
        return result.ToString();
    }

    private static Token? At(List<Token> tokens, int index) =>
        index < tokens.Count ? tokens[index] : null;

    private static (int Line, string Message)? Tokenize(string text, List<Token> tokens)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var startLine = line;
                var end = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    return (startLine, "the comment opened on this line is never closed");
                }
                for (var j = i; j < end; j++)
                {
                    line += text[j] == '\n' ? 1 : 0;
                }
                i = end + 2;
            }
            else if (c is '"' or '\'')
            {
                var value = new StringBuilder();
                var j = i + 1;
                while (j < text.Length && text[j] != c && text[j] != '\n')
                {
                    if (text[j] == '\\' && j + 1 < text.Length)
                    {
                        j++;
                    }
                    value.Append(text[j]);
                    j++;
                }
                if (j >= text.Length || text[j] != c)
                {
                    return (line, "the string starting on this line is never closed");
                }
                tokens.Add(new Token(value.ToString(), line, IsWord: false, IsString: true));
                i = j + 1;
            }
            else if (char.IsLetterOrDigit(c) || c == '_' || c == '.')
            {
                var j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '_' or '.'))
                {
                    j++;
                }
                tokens.Add(
                    new Token(text.Substring(i, j - i), line, IsWord: true, IsString: false)
                );
                i = j;
            }
            else
            {
                tokens.Add(new Token(c.ToString(), line, IsWord: false, IsString: false));
                i++;
            }
        }
        return null;
    }

    private sealed record Token(string Text, int Line, bool IsWord, bool IsString);
}

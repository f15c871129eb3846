using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Connectors;

/// <summary>
/// Collects diagnostics for one file, each starting with the file name, the 1-based line and the
/// JSON path (the shared <c>Where</c> prefix).
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly string _path;
    private readonly TextLines? _lines;
    private readonly List<DiagnosticInfo> _items = new();

    public DiagnosticBag(string path, string? text)
    {
        _path = path;
        _lines = text is null ? null : new TextLines(text);
    }

    public int Count => _items.Count;

    /// <summary>The diagnostics so far, to add to (as rules shared with later steps do).</summary>
    public ICollection<DiagnosticInfo> Items => _items;

    public SpecLocation Locate(int start, int end, string jsonPath)
    {
        var lines = _lines!.Span(start, end);
        return new SpecLocation(
            new LocationInfo(_path, TextSpan.FromBounds(start, Math.Max(start, end)), lines),
            jsonPath
        );
    }

    public SpecLocation Locate(JsonNode node, string jsonPath) =>
        Locate(node.Start, node.End, jsonPath);

    public void Report(
        DiagnosticDescriptor descriptor,
        JsonNode node,
        string jsonPath,
        params string[] details
    ) => Report(descriptor, Locate(node, jsonPath), details);

    public void Report(
        DiagnosticDescriptor descriptor,
        SpecLocation where,
        params string[] details
    ) => _items.Add(Create(descriptor, where, details));

    public static DiagnosticInfo Create(
        DiagnosticDescriptor descriptor,
        SpecLocation where,
        params string[] details
    )
    {
        var arguments = new List<string>
        {
            System.IO.Path.GetFileName(where.Location.FilePath),
            where.Location.Line.ToString(CultureInfo.InvariantCulture),
            where.JsonPath,
        };
        arguments.AddRange(details);
        return DiagnosticInfo.Create(descriptor, where.Location, arguments.ToArray());
    }

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();
}

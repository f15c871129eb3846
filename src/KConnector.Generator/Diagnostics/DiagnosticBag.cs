using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KConnector.Generator.Connectors;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Diagnostics;

/// <summary>
/// The one place every pipeline reports into (.avsc, .schema.json, .proto, connector specs and
/// attribute classes, and their resolvers): each diagnostic's message starts with the file name,
/// the 1-based line and the JSON path (the shared <c>Where</c> prefix), then the details, a
/// did-you-mean among them when a name was misspelt (<see cref="EditDistance.Suggestion"/>).
/// A bag made for one file (<see cref="DiagnosticBag(string, string)"/>) locates JSON nodes
/// in it; a bag made without one takes each diagnostic's location from the caller.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly string _path;
    private readonly TextLines? _lines;
    private readonly List<DiagnosticInfo> _items = new();

    /// <summary>A bag for the diagnostics of one file, whose text locates the JSON nodes reported.</summary>
    public DiagnosticBag(string path, string? text)
    {
        _path = path;
        _lines = text is null ? null : new TextLines(text);
    }

    /// <summary>A bag for diagnostics across files (a resolver's), each reported with its location.</summary>
    public DiagnosticBag()
        : this(string.Empty, null) { }

    public int Count => _items.Count;

    /// <summary>The diagnostics so far, to add to (as rules shared with later steps do).</summary>
    public ICollection<DiagnosticInfo> Items => _items;

    /// <summary>Whether an error was reported: a file with errors generates nothing.</summary>
    public bool HasErrors =>
        _items.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

    /// <summary>The span of this bag's file from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public LocationInfo Span(int start, int end) =>
        new(_path, TextSpan.FromBounds(start, Math.Max(start, end)), _lines!.Span(start, end));

    public SpecLocation Locate(int start, int end, string jsonPath) =>
        new(Span(start, end), jsonPath);

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
        int start,
        int end,
        string jsonPath,
        params string[] details
    ) => Report(descriptor, Locate(start, end, jsonPath), details);

    public void Report(
        DiagnosticDescriptor descriptor,
        LocationInfo location,
        string jsonPath,
        params string[] details
    ) => Report(descriptor, new SpecLocation(location, jsonPath), details);

    public void Report(
        DiagnosticDescriptor descriptor,
        SpecLocation where,
        params string[] details
    ) => _items.Add(Create(descriptor, where, details));

    /// <summary>
    /// A diagnostic with no location in a file (the generator failed over all files at once):
    /// <paramref name="files"/> stands where the file name would.
    /// </summary>
    public void ReportUnlocated(
        DiagnosticDescriptor descriptor,
        string files,
        string jsonPath,
        params string[] details
    ) => _items.Add(DiagnosticInfo.Create(descriptor, null, Where(files, 1, jsonPath, details)));

    public static DiagnosticInfo Create(
        DiagnosticDescriptor descriptor,
        SpecLocation where,
        params string[] details
    ) =>
        DiagnosticInfo.Create(
            descriptor,
            where.Location,
            Where(
                System.IO.Path.GetFileName(where.Location.FilePath),
                where.Location.Line,
                where.JsonPath,
                details
            )
        );

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();

    /// <summary>The message arguments: the <c>Where</c> prefix's file, line and path, then the details.</summary>
    public static string[] Where(string file, int line, string jsonPath, params string[] details)
    {
        var arguments = new List<string>(details.Length + 3)
        {
            file,
            line.ToString(CultureInfo.InvariantCulture),
            jsonPath,
        };
        arguments.AddRange(details);
        return arguments.ToArray();
    }
}

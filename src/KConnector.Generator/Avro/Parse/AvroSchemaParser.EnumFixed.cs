using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Helpers;
using KConnector.Generator.Json;
using KConnector.Generator.Models;

namespace KConnector.Generator.Avro;

/// <summary>Enums (spec "Enums": symbols, default) and fixed types (spec "Fixed": size).</summary>
internal sealed partial class AvroSchemaParser
{
    private AvroTypeModel? ParseEnum(JsonNode node, string path, string ns)
    {
        var header = ParseHeader(node, "enum", path, ns);
        if (header is not { } h)
        {
            return null;
        }
        var doc = OptionalString(node, "doc", path);
        var aliases = ParseAliases(node, path, h.Namespace);
        var symbolsNode = node["symbols"];
        if (symbolsNode is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.MissingAttribute,
                node,
                path,
                "enum",
                "symbols"
            );
            return null;
        }
        if (symbolsNode.Kind != JsonKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                symbolsNode,
                path + ".symbols",
                "symbols",
                "an array of names"
            );
            return null;
        }
        var symbols = ParseSymbols(symbolsNode, path, out var ok);
        string? enumDefault = null;
        if (node["default"] is { } defaultNode)
        {
            if (defaultNode.Kind != JsonKind.String || !symbols.Contains(defaultNode.Text!))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.InvalidEnum,
                    defaultNode,
                    path + ".default",
                    "the default must be one of the symbols, not "
                        + JsonCompactWriter.Write(defaultNode)
                );
                ok = false;
            }
            else
            {
                enumDefault = defaultNode.Text;
            }
        }
        if (!ok)
        {
            return null;
        }
        _types.Add(
            Named(AvroKind.Enum, h, doc, aliases, node, path, EnumAttributes) with
            {
                Symbols = symbols.ToEquatableArray(),
                EnumDefault = enumDefault,
            }
        );
        return Reference(h.FullName);
    }

    private AvroTypeModel? ParseFixed(JsonNode node, string path, string ns)
    {
        var header = ParseHeader(node, "fixed", path, ns);
        if (header is not { } h)
        {
            return null;
        }
        var doc = OptionalString(node, "doc", path);
        var aliases = ParseAliases(node, path, h.Namespace);
        var sizeNode = node["size"];
        if (sizeNode is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.MissingAttribute,
                node,
                path,
                "fixed",
                "size"
            );
            return null;
        }
        if (
            sizeNode.Kind != JsonKind.Number
            || !int.TryParse(
                sizeNode.Text,
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var size
            )
            || size <= 0
        )
        {
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidFixedSize,
                sizeNode,
                path + ".size",
                sizeNode.Text ?? JsonCompactWriter.Write(sizeNode)
            );
            return null;
        }
        var (logical, precision, scale) = ParseLogical(node, AvroKind.Fixed, size, path);
        _types.Add(
            Named(AvroKind.Fixed, h, doc, aliases, node, path, FixedAttributes) with
            {
                Size = size,
                Logical = logical,
                Precision = precision,
                Scale = scale,
            }
        );
        return Reference(h.FullName);
    }

    /// <summary>An enum's symbols, each a valid name and unique; <paramref name="ok"/> false after any error.</summary>
    private List<string> ParseSymbols(JsonNode symbolsNode, string path, out bool ok)
    {
        var symbols = new List<string>();
        ok = true;
        for (var i = 0; i < symbolsNode.Items.Count; i++)
        {
            var item = symbolsNode.Items[i];
            var itemPath = path + ".symbols[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (item.Kind != JsonKind.String)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.WrongAttributeType,
                    item,
                    itemPath,
                    "symbols",
                    "an array of names"
                );
                ok = false;
                continue;
            }
            if (!CheckName(item.Text!, item, itemPath))
            {
                ok = false;
                continue;
            }
            if (symbols.Contains(item.Text!))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.InvalidEnum,
                    item,
                    itemPath,
                    "the symbol \"" + item.Text + "\" appears more than once"
                );
                ok = false;
                continue;
            }
            symbols.Add(item.Text!);
        }
        return symbols;
    }
}

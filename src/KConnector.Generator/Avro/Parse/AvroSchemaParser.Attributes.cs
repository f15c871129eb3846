using System;
using System.Collections.Generic;
using System.Globalization;
using KConnector.Generator.Diagnostics;
using KConnector.Generator.Json;
using KConnector.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KConnector.Generator.Avro;

internal sealed partial class AvroSchemaParser
{
    private string? RequiredString(JsonNode node, string attribute, string what, string path)
    {
        var value = node[attribute];
        if (value is null)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.MissingAttribute,
                node,
                path,
                what,
                attribute
            );
            return null;
        }
        if (value.Kind != JsonKind.String)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                value,
                path + "." + attribute,
                attribute,
                "a string"
            );
            return null;
        }
        return value.Text;
    }

    private string? OptionalString(JsonNode node, string attribute, string path)
    {
        var value = node[attribute];
        if (value is null)
        {
            return null;
        }
        if (value.Kind != JsonKind.String)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.WrongAttributeType,
                value,
                path + "." + attribute,
                attribute,
                "a string"
            );
            return null;
        }
        return value.Text;
    }

    /// <summary>Spec "Names": [A-Za-z_][A-Za-z0-9_]*.</summary>
    internal static bool IsValidName(string name)
    {
        var valid = name.Length > 0 && (IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            valid &= IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
        }
        return valid;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private bool CheckName(string name, JsonNode node, string path)
    {
        var valid = IsValidName(name);
        if (!valid)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidName, node, path, name);
        }
        return valid;
    }

    private bool CheckFullName(string name, JsonNode node, string path)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidName(part))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidName, node, path, name);
                return false;
            }
        }
        return true;
    }
}

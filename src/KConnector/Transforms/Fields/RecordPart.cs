namespace KConnector.Transforms.Builtin;

/// <summary>Which part of a record a field-level transform works on: its <c>$Key</c> or <c>$Value</c> variant.</summary>
internal enum RecordPart
{
    Key,
    Value,
}

using KConnector.Generator.Connectors;

namespace KConnector.Generator.Transforms;

/// <summary>One key of a transformation alias (without <c>transforms.&lt;alias&gt;.</c>), its text and where it stands.</summary>
internal sealed record TransformSetting(string Key, string Text, SpecLocation Where);

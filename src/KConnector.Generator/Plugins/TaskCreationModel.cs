using KConnector.Generator.Helpers;

namespace KConnector.Generator.Plugins;

/// <summary>A descriptor's <c>CreateTask</c> method as the generated worker calls it.</summary>
/// <param name="ValueOnly">Whether it is generic in the value type only (<c>CreateTask&lt;TValue&gt;</c>: a source whose keys are strings).</param>
/// <param name="Parameters">Its parameters' names in order, each one of <see cref="Config"/>, <see cref="Key"/>, <see cref="Value"/> and <see cref="Logger"/>: the name says what the worker passes.</param>
/// <param name="ReturnsDisposable">Whether the task it returns is disposable.</param>
internal sealed record TaskCreationModel(
    bool ValueOnly,
    EquatableArray<string> Parameters,
    bool ReturnsDisposable
)
{
    /// <summary>The connector's whole config (<c>IReadOnlyDictionary&lt;string, string?&gt;</c>).</summary>
    public const string Config = "config";

    /// <summary>The key's record accessor.</summary>
    public const string Key = "key";

    /// <summary>The value's record accessor.</summary>
    public const string Value = "value";

    /// <summary>The worker's logger.</summary>
    public const string Logger = "logger";
}

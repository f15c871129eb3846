using System.ComponentModel;

namespace KConnector.JsonSchema;

/// <summary>
/// Where generated validation code reports what it finds: the JSON path of the value being
/// checked (kept as a stack of segments, turned into text only when a violation is reported, so
/// a valid payload builds no path) and the errors, named as NJsonSchema names them so that a
/// violation reads the same whether the compiled validator or the library found it.
/// </summary>
/// <remarks>
/// While a <c>oneOf</c>/<c>anyOf</c>/<c>not</c> branch is tried (<see cref="BeginProbe"/>), or
/// the types of a multi-type schema, errors are not kept: as with NJsonSchema, such a failure is
/// one error at the value's path (NotOneOf, NotAnyOf, NoTypeValidates).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonSchemaValidationContext
{
    private readonly List<JsonSchemaValidationError> _errors = [];
    private Segment[] _path = new Segment[16];
    private int _depth;
    private int _probing;

    /// <summary>The violations reported so far.</summary>
    public IReadOnlyList<JsonSchemaValidationError> Errors => _errors;

    /// <summary>Descends into the member <paramref name="name"/>.</summary>
    public void Enter(string name) => Push(new Segment(name, 0));

    /// <summary>Descends into the array item at <paramref name="index"/>.</summary>
    public void EnterItem(int index) => Push(new Segment(null, index));

    /// <summary>Returns from the last <see cref="Enter"/> or <see cref="EnterItem"/>.</summary>
    public void Leave() => _depth--;

    /// <summary>Starts trying a branch: violations are counted by the caller, not kept.</summary>
    public void BeginProbe() => _probing++;

    /// <summary>Ends what <see cref="BeginProbe"/> started.</summary>
    public void EndProbe() => _probing--;

    /// <summary>Reports a violation of <paramref name="kind"/> at the current path.</summary>
    public void Fail(string kind)
    {
        if (_probing == 0)
        {
            _errors.Add(new JsonSchemaValidationError(PathText(null), kind, null, null));
        }
    }

    /// <summary>Reports a violation at the member <paramref name="member"/> of the current value (a missing required property, a member not allowed).</summary>
    public void FailAt(string kind, string member)
    {
        if (_probing == 0)
        {
            _errors.Add(new JsonSchemaValidationError(PathText(member), kind, null, null));
        }
    }

    internal void Add(JsonSchemaValidationError error) => _errors.Add(error);

    internal void Reset()
    {
        _errors.Clear();
        _depth = 0;
        _probing = 0;
    }

    private void Push(Segment segment)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }
        _path[_depth++] = segment;
    }

    // NJsonSchema's form once JsonSchemaValidator has turned it into a JSON path: "$",
    // "$.lines[0].sku", "$[2]".
    private string PathText(string? member)
    {
        var text = new System.Text.StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            var segment = _path[i];
            if (segment.Name is null)
            {
                text.Append('[')
                    .Append(
                        segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    )
                    .Append(']');
            }
            else
            {
                text.Append('.').Append(segment.Name);
            }
        }
        if (member is not null)
        {
            text.Append('.').Append(member);
        }
        return text.ToString();
    }

    private readonly record struct Segment(string? Name, int Index);
}

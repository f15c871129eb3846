namespace KConnector.Avro.Resolution;

/// <summary>
/// Builds a resolution plan from a writer and a reader schema, following the specification's
/// "Schema Resolution" rules: matching names (reader aliases included), fields by name, defaults
/// for fields the writer lacks, promotions, enum defaults, union branch matching. Incompatible
/// schemas fail here, at plan time, naming the field; a writer union branch the reader cannot
/// read fails only if data uses it, as the specification says.
/// </summary>
internal sealed class AvroResolutionPlanner
{
    private readonly Dictionary<(AvroSchemaNode, AvroSchemaNode), AvroResolutionPlan> _plans = [];

    public static AvroResolutionPlan Build(AvroSchemaNode writer, AvroSchemaNode reader) =>
        new AvroResolutionPlanner().Plan(writer, reader, reader.IsNamed ? reader.SimpleName : "$");

    private AvroResolutionPlan Plan(AvroSchemaNode w, AvroSchemaNode r, string path)
    {
        if (_plans.TryGetValue((w, r), out var existing))
        {
            return existing;
        }
        var plan = new AvroResolutionPlan(w, r);
        _plans[(w, r)] = plan;
        try
        {
            Fill(plan, w, r, path);
        }
        catch (AvroSchemaResolutionException)
        {
            _plans.Remove((w, r));
            throw;
        }
        return plan;
    }

    private void Fill(AvroResolutionPlan plan, AvroSchemaNode w, AvroSchemaNode r, string path)
    {
        if (w.Kind == AvroSchemaKind.Union)
        {
            var branches = new AvroResolutionPlan?[w.Branches.Count];
            var any = false;
            for (var i = 0; i < branches.Length; i++)
            {
                try
                {
                    branches[i] = Plan(w.Branches[i], r, path);
                    any = true;
                }
                catch (AvroSchemaResolutionException)
                {
                    branches[i] = null;
                }
            }
            if (!any)
            {
                throw new AvroSchemaResolutionException(
                    path,
                    $"no branch of the writer's union can be read as {r.Describe()}"
                );
            }
            plan.WriterBranches = branches;
            return;
        }
        if (r.Kind == AvroSchemaKind.Union)
        {
            var index = FindBranch(w, r);
            if (index < 0)
            {
                throw new AvroSchemaResolutionException(
                    path,
                    $"the writer's {w.Describe()} matches no branch of the reader's union"
                );
            }
            plan.ReaderBranch = index;
            plan.Inner = Plan(w, r.Branches[index], path);
            return;
        }
        if (!Matches(w, r, promote: true))
        {
            throw new AvroSchemaResolutionException(
                path,
                $"the writer's {w.Describe()} cannot be read as the reader's {r.Describe()}"
            );
        }
        switch (r.Kind)
        {
            case AvroSchemaKind.Array:
            case AvroSchemaKind.Map:
                plan.Items = Plan(
                    w.Items!,
                    r.Items!,
                    path + (r.Kind == AvroSchemaKind.Array ? "[]" : "{}")
                );
                break;
            case AvroSchemaKind.Enum:
                plan.EnumMap = EnumMap(w, r);
                break;
            case AvroSchemaKind.Fixed when w.Size != r.Size:
                throw new AvroSchemaResolutionException(
                    path,
                    $"the writer's fixed has {w.Size} bytes, the reader's {r.Size}"
                );
            case AvroSchemaKind.Record:
                plan.Fields = Fields(w, r, path);
                break;
        }
        if (r.LogicalType == "decimal" && w.LogicalType == "decimal" && r.Scale != w.Scale)
        {
            throw new AvroSchemaResolutionException(
                path,
                $"the writer's decimal has scale {w.Scale}, the reader's {r.Scale}"
            );
        }
    }

    private List<AvroFieldPlan> Fields(AvroSchemaNode w, AvroSchemaNode r, string path)
    {
        var steps = new List<AvroFieldPlan>();
        var filled = new bool[r.Fields.Count];
        foreach (var wf in w.Fields)
        {
            var rf =
                r.Fields.FirstOrDefault(f => f.Name == wf.Name)
                ?? r.Fields.FirstOrDefault(f => f.Aliases.Contains(wf.Name));
            if (rf is null)
            {
                steps.Add(new AvroFieldPlan(-1, null, wf));
                continue;
            }
            filled[rf.Position] = true;
            steps.Add(
                new AvroFieldPlan(rf.Position, Plan(wf.Schema, rf.Schema, path + "." + rf.Name), wf)
            );
        }
        for (var i = 0; i < filled.Length; i++)
        {
            if (!filled[i] && !r.Fields[i].HasDefault)
            {
                throw new AvroSchemaResolutionException(
                    path + "." + r.Fields[i].Name,
                    "the writer's schema lacks this field and the reader's schema gives it no default"
                );
            }
        }
        return steps;
    }

    private static int[] EnumMap(AvroSchemaNode w, AvroSchemaNode r)
    {
        var defaultIndex = r.EnumDefault is null ? -1 : IndexOf(r.Symbols, r.EnumDefault);
        var map = new int[w.Symbols.Count];
        for (var i = 0; i < map.Length; i++)
        {
            var index = IndexOf(r.Symbols, w.Symbols[i]);
            map[i] = index >= 0 ? index : defaultIndex;
        }
        return map;
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The first reader branch that matches exactly, else the first the writer's type promotes to.</summary>
    private static int FindBranch(AvroSchemaNode w, AvroSchemaNode r)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < r.Branches.Count; i++)
            {
                if (Matches(w, r.Branches[i], promote: pass == 1))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /// <summary>The specification's "match" between two non-union schemas.</summary>
    private static bool Matches(AvroSchemaNode w, AvroSchemaNode r, bool promote)
    {
        if (w.Kind == r.Kind)
        {
            return !r.IsNamed || NamesMatch(w, r);
        }
        return promote
            && (w.Kind, r.Kind) switch
            {
                (
                    AvroSchemaKind.Int,
                    AvroSchemaKind.Long
                        or AvroSchemaKind.Float
                        or AvroSchemaKind.Double
                ) => true,
                (AvroSchemaKind.Long, AvroSchemaKind.Float or AvroSchemaKind.Double) => true,
                (AvroSchemaKind.Float, AvroSchemaKind.Double) => true,
                (AvroSchemaKind.String, AvroSchemaKind.Bytes) => true,
                (AvroSchemaKind.Bytes, AvroSchemaKind.String) => true,
                _ => false,
            };
    }

    /// <summary>Same unqualified name, or a reader alias naming the writer's type (spec "Aliases").</summary>
    private static bool NamesMatch(AvroSchemaNode w, AvroSchemaNode r) =>
        w.SimpleName == r.SimpleName
        || r.Aliases.Any(a => a == w.FullName || a[(a.LastIndexOf('.') + 1)..] == w.SimpleName);
}

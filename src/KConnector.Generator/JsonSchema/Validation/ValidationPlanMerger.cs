using System.Collections.Generic;
using System.Linq;

namespace KConnector.Generator.JsonSchema.Validation;

/// <summary>
/// Joins the nodes of a plan that validate alike (the same keywords applying the same nodes), so
/// that a schema repeating <c>{"type": "string"}</c> for forty properties gets one method, not
/// forty. Equal nodes are found by rounds: each round names every node by its shape with the
/// nodes it applies replaced by their representatives, and nodes sharing a name join the first
/// of them; a join can only make more shapes equal, so the rounds stop within one per node.
/// </summary>
internal static class ValidationPlanMerger
{
    public static ValidationPlan Merge(ValidationPlan plan)
    {
        if (plan.NotCompiled is not null || plan.Nodes.Count < 2)
        {
            return plan;
        }
        var representative = Enumerable.Range(0, plan.Nodes.Count).ToArray();
        for (var round = 0; round < plan.Nodes.Count; round++)
        {
            var next = Round(plan.Nodes, representative);
            if (next.SequenceEqual(representative))
            {
                break;
            }
            representative = next;
        }
        var kept = plan.Nodes.Where(n => representative[n.Id] == n.Id).ToList();
        foreach (var node in kept)
        {
            node.MapReferences(representative);
        }
        return new ValidationPlan(kept, representative[plan.Root], plan.NotCompiled);
    }

    private static int[] Round(IReadOnlyList<ValidationNode> nodes, int[] representative)
    {
        var first = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var next = new int[nodes.Count];
        foreach (var node in nodes)
        {
            var shape = node.Shape(representative);
            if (!first.TryGetValue(shape, out var id))
            {
                first[shape] = id = node.Id;
            }
            next[node.Id] = id;
        }
        return next;
    }
}

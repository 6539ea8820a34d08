using SecurityGuarantees.Explanations;

namespace SecurityGuarantees.WhatIf;

/// <summary>
/// The justification trees of conclusions, read as a condition on which scenario facts a change set touches: a
/// derived fact is stopped when every one of its justifications loses a premise (a touched scenario fact, or a derived
/// premise that is itself stopped). A set that does not stop every explained conclusion this way cannot stop them
/// through these justifications, so the search never evaluates it.
/// </summary>
internal sealed class JustificationCover
{
    private readonly IReadOnlyList<ExplanationNode> _roots;
    private readonly Dictionary<string, ExplanationNode> _explained = new(StringComparer.Ordinal);

    public JustificationCover(Explanation explanation, FactResolver resolver)
    {
        _roots = explanation.Conclusions;
        var premises = new List<FactSlot>();
        var seen = new HashSet<FactSlot>(ReferenceEqualityComparer.Instance);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in _roots)
        {
            Walk(root, resolver, premises, seen, rules);
        }

        Premises = premises;
        Rules = rules;
    }

    /// <summary>The scenario facts the justifications rest on, in the order the trees name them.</summary>
    public IReadOnlyList<FactSlot> Premises { get; }

    /// <summary>The rules of every justification.</summary>
    public IReadOnlySet<string> Rules { get; }

    /// <summary>Whether touching these facts makes every explained conclusion lose all its justifications.</summary>
    public bool Stops(IReadOnlyList<ResolvedChange> changes)
    {
        var touched = new HashSet<string>(changes.Select(c => c.Slot.Type.Name + "|" + c.Slot.Key), StringComparer.Ordinal);
        return _roots.All(r => Stopped(r, touched, new HashSet<string>(StringComparer.Ordinal)));
    }

    private bool Stopped(ExplanationNode node, HashSet<string> touched, HashSet<string> visiting)
    {
        var key = node.Type + "|" + node.Key;
        switch (node.Origin)
        {
            case ExplainedFactOrigin.Scenario:
                return touched.Contains(key);
            case ExplainedFactOrigin.Today:
                return false;
        }

        var full = node.ExplainedAbove ? _explained.GetValueOrDefault(key) : node;
        if (full is null || full.Justifications.Count == 0 || !visiting.Add(key))
        {
            return false; // nothing to take away, or a cycle: this path does not stop it
        }

        var stopped = full.Justifications.All(j => j.Matched.Any(m => Stopped(m, touched, visiting)));
        visiting.Remove(key);
        return stopped;
    }

    private void Walk(ExplanationNode node, FactResolver resolver, List<FactSlot> premises, HashSet<FactSlot> seen, HashSet<string> rules)
    {
        if (node.Origin == ExplainedFactOrigin.Scenario)
        {
            if (resolver.Find(node.Type, node.Key) is { } slot && seen.Add(slot))
            {
                premises.Add(slot);
            }

            return;
        }

        if (node.Justifications.Count > 0)
        {
            _explained.TryAdd(node.Type + "|" + node.Key, node);
        }

        foreach (var justification in node.Justifications)
        {
            rules.Add(justification.Rule);
            foreach (var matched in justification.Matched)
            {
                Walk(matched, resolver, premises, seen, rules);
            }
        }
    }
}

using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Explanations;

// Where each candidate fact left the rule. The element analysis follows the partial matches that got furthest, so a fact
// that fell out earlier (an author's own new proposal, say) would be invisible; this pass follows every fact a top-level
// pattern could bind until no partial match carries it any more.
internal sealed partial class WhyNotAnalyser
{
    /// <summary>The engine's clock fact: one per session, bound by date rules; listing where it went is noise.</summary>
    private const string TodayType = "Today";

    private List<CandidateDropOut> DropOuts(IReadOnlyList<ElementSyntax> elements, int failing, IReadOnlyList<CandidateFact> shownAtFailing)
    {
        // Partial matches before and after each element, up to the failing one (after it, nothing is left).
        var before = new List<List<Partial>>();
        var after = new List<List<Partial>>();
        var current = new List<Partial> { Partial.Empty };
        for (var i = 0; i <= failing; i++)
        {
            before.Add(current);
            current = Analysable(elements[i]) ? Extend(elements[i], current) : current;
            after.Add(current);
        }

        var shown = shownAtFailing.Select(c => c.Label).ToHashSet(StringComparer.Ordinal);
        var result = new List<CandidateDropOut>();
        for (var bound = 0; bound <= failing; bound++)
        {
            if (elements[bound] is not PatternSyntax pattern || !_rule.ElementPlans.TryGetValue(pattern, out var elementPlan)
                || elementPlan is not PatternPlan { Type.Name: not TodayType } plan)
            {
                continue;
            }

            foreach (var fact in FactsOf(plan.Type))
            {
                var droppedAt = bound;
                while (droppedAt <= failing && after[droppedAt].Exists(p => ReferenceEquals(p.Get(plan.DeclarationName), fact)))
                {
                    droppedAt++;
                }

                // Its own pattern turned it away: say which conjuncts were false; otherwise a later element did.
                var candidate = droppedAt == bound
                    ? Rank(plan.Conjuncts, plan.DeclarationName, [fact], before[bound], 1)[0]
                    : Candidate(fact, plan.Conjuncts.Count, plan.Conjuncts.Count, [], Partial.Empty);
                if (droppedAt == failing && bound == failing && shown.Contains(candidate.Label))
                {
                    continue;
                }

                result.Add(new CandidateDropOut(candidate, pattern.As?.Text, bound, Math.Min(droppedAt, failing)));
            }
        }

        return result;
    }
}

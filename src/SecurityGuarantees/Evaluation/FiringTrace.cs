using NRules;
using NRules.Diagnostics;
using NRules.RuleModel;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Evaluation;

/// <summary>
/// Records author-rule activations in firing order (<see cref="EvaluationOptions.Trace"/>). Created only when tracing is
/// on, so a session without a trace has no handler on its activation events. NRules keeps one activation per match for
/// the match's lifetime, so the activation object tells a first firing from a re-firing and a retraction of a fired
/// match from one that never fired.
/// </summary>
internal sealed class FiringTrace
{
    private readonly Dictionary<string, CompiledRule> _rules;
    private readonly HashSet<IMatch> _fired = new(ReferenceEqualityComparer.Instance);
    private readonly List<TraceEntry> _entries = [];

    public FiringTrace(ISession session, CompiledRuleSet rules)
    {
        _rules = rules.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        session.Events.RuleFiredEvent += OnFired;
        session.Events.ActivationDeletedEvent += OnDeleted;
    }

    /// <summary>The date entries are stamped with: a timeline step's, or null before the first step.</summary>
    public DateOnly? Step { get; set; }

    public IReadOnlyList<TraceEntry> Entries => [.. _entries];

    private void OnFired(object? sender, AgendaEventArgs e)
    {
        if (!_rules.TryGetValue(e.Rule.Name, out var rule))
        {
            return; // the engine's own $ rules
        }

        var kind = _fired.Add(e.Match) ? TraceEvent.Fired : TraceEvent.Refired;
        _entries.Add(new TraceEntry(Step, rule.Id, kind, FactsOf(rule, e.Match)));
    }

    private void OnDeleted(object? sender, AgendaEventArgs e)
    {
        if (_rules.TryGetValue(e.Rule.Name, out var rule) && _fired.Remove(e.Match))
        {
            _entries.Add(new TraceEntry(Step, rule.Id, TraceEvent.Retracted, FactsOf(rule, e.Match)));
        }
    }

    private static IReadOnlyList<FactReference> FactsOf(CompiledRule rule, IMatch match) =>
        rule.Action is { } action ? action.Because(new MatchValues(match)).References : [];
}

using System.Collections;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Explanations;

/// <summary>
/// Re-evaluates a rule's <c>when</c> elements left to right against a final working memory, extending partial matches
/// element by element with the same compiled conditions NRules used (NRules keeps no partial matches for us).
/// </summary>
internal sealed partial class WhyNotAnalyser
{
    private const int MaxPartials = 10_000;
    private const int ShownBindings = 3;
    private const int ShownCandidates = 5;
    private const int RankedPartials = 200;

    private readonly FactTypeRegistry _types;
    private readonly Scenario _scenario;
    private readonly IReadOnlyList<object> _memory;
    private readonly List<object> _facts;
    private readonly Dictionary<LambdaExpression, Func<object?[], object?>> _compiled = [];
    private CompiledRule _rule = null!;

    private readonly IReadOnlyList<CompiledRule> _allRules;

    public WhyNotAnalyser(FactTypeRegistry types, Scenario scenario, IReadOnlyList<object> workingMemory, IReadOnlyList<CompiledRule> allRules)
    {
        _allRules = allRules;
        _types = types;
        _scenario = scenario;
        _memory = workingMemory;
        _facts = [.. workingMemory
            .Select(f => (Fact: f, Type: types.Of(f)))
            .Where(x => x.Type is not null)
            .OrderBy(x => x.Type!.Name, StringComparer.Ordinal).ThenBy(x => x.Type!.GetKey(x.Fact), StringComparer.Ordinal)
            .Select(x => x.Fact)];
    }

    public RuleAnalysis Analyse(CompiledRule rule)
    {
        _rule = rule;
        var conclusions = _memory.OfType<SupportFact>().Where(s => ReferenceEquals(s.Rule, rule))
            .Select(s => $"{s.ConclusionType} {s.ConclusionKey}").Distinct().Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<ElementSyntax> when = [.. rule.Syntax.When.SelectMany(e => e.Conjuncts())];
        var elements = AnalyseSequence(when, [Partial.Empty], depth: 0, out var firstFailing, out _);
        return new RuleAnalysis(rule.Id, rule.Syntax.Title, rule.Location, conclusions.Count > 0, conclusions, elements, firstFailing)
        {
            DroppedOut = firstFailing is { } failing ? DropOuts(when, failing, elements[failing].Closest) : [],
        };
    }

    // ---- analysis ----

    private List<ElementAnalysis> AnalyseSequence(IReadOnlyList<ElementSyntax> elements, List<Partial> start, int depth, out int? firstFailing,
        out List<Partial> end)
    {
        var result = new List<ElementAnalysis>();
        var current = start;
        firstFailing = null;
        foreach (var element in elements)
        {
            if (firstFailing is not null)
            {
                result.Add(Bare(element, ElementOutcome.NotReached, null));
                continue;
            }

            var (analysis, next) = AnalyseElement(element, current, depth);
            if (analysis.Outcome == ElementOutcome.Failed)
            {
                firstFailing = result.Count;
            }

            result.Add(analysis);
            current = next;
        }

        end = current;
        return result;
    }

    private (ElementAnalysis Analysis, List<Partial> After) AnalyseElement(ElementSyntax element, List<Partial> before, int depth)
    {
        if (!Analysable(element))
        {
            return (Bare(element, ElementOutcome.NotAnalysed, "this element was not compiled into a form why-not can evaluate") with { MatchesBefore = before.Count },
                before);
        }

        var after = Extend(element, before);
        if (after.Count > 0)
        {
            return (new ElementAnalysis(Kind(element), Summary(element), element.Location, ElementOutcome.Matched, before.Count, after.Count,
                Shown(after), [], [], MatchedNote(element, after)), after);
        }

        IReadOnlyList<CandidateFact> closest = [];
        IReadOnlyList<ElementAnalysis> nested = [];
        string? note = null;
        switch (element)
        {
            case PatternSyntax pattern:
                (closest, note) = Closest((PatternPlan)_rule.ElementPlans[pattern], before);
                break;
            case NotSyntax not when not.Element is PatternSyntax inner:
                closest = Blocking((PatternPlan)_rule.ElementPlans[inner], before);
                note = "these facts match the pattern under 'not', so 'not' is false";
                break;
            case NotSyntax not:
                var blocking = Extend(not.Element, [before[0]]);
                note = $"the group under 'not' matches ({Plural(blocking.Count, "match", "matches")}), e.g. {Shown(blocking).FirstOrDefault()}";
                nested = depth < 1 ? AnalyseSequence([.. not.Element.Conjuncts()], [before[0]], depth + 1, out _, out _) : [];
                break;
            case ExistsSyntax exists when exists.Element is PatternSyntax inner:
                (closest, note) = Closest((PatternPlan)_rule.ElementPlans[inner], before);
                break;
            case ExistsSyntax exists:
                nested = depth < 1 ? Furthest([.. exists.Element.Conjuncts()], before, depth + 1) : [];
                note = depth < 1 ? "no match of the group under 'exists'; its first failing part:" : "the group under 'exists' has no match (not analysed further)";
                break;
            case AnySyntax any:
                nested = depth < 1 ? [.. any.Alternatives.Select(a => AnalyseAlternative(a, before, depth + 1))] : [];
                note = depth < 1 ? "no alternative of 'any' matches:" : "no alternative of 'any' matches (not analysed further)";
                break;
            case EachSyntax each:
                note = $"the list '{Collapse(each.List.Text)}' is empty for every match so far";
                break;
            case CountSyntax count:
                (closest, note) = CountFailure(count, (CountPlan)_rule.ElementPlans[count], before);
                break;
            case AggregateSyntax aggregate:
                note = AggregateFailure(aggregate, before);
                break;
        }

        return (new ElementAnalysis(Kind(element), Summary(element), element.Location, ElementOutcome.Failed, before.Count, 0, Shown(before),
            closest, nested, note), after);
    }

    private ElementAnalysis AnalyseAlternative(ElementSyntax alternative, List<Partial> before, int depth)
    {
        if (alternative is AllSyntax all)
        {
            var parts = AnalyseSequence([.. all.Conjuncts()], before, depth, out var failing, out var end);
            return new ElementAnalysis("all", Summary(all), all.Location, failing is null ? ElementOutcome.Matched : ElementOutcome.Failed,
                before.Count, failing is null ? end.Count : 0, Shown(end), [], parts, null);
        }

        return AnalyseElement(alternative, before, depth).Analysis;
    }

    /// <summary>Analyses a group for each partial match and keeps the analysis that got furthest.</summary>
    private IReadOnlyList<ElementAnalysis> Furthest(IReadOnlyList<ElementSyntax> elements, List<Partial> before, int depth)
    {
        List<ElementAnalysis>? best = null;
        var bestIndex = -1;
        foreach (var partial in before.Take(50))
        {
            var analysis = AnalyseSequence(elements, [partial], depth, out var failing, out _);
            var index = failing ?? int.MaxValue;
            if (index > bestIndex)
            {
                best = analysis;
                bestIndex = index;
            }
        }

        return best ?? [];
    }

    private static ElementAnalysis Bare(ElementSyntax element, ElementOutcome outcome, string? note) =>
        new(Kind(element), Summary(element), element.Location, outcome, 0, 0, [], [], [], note);

    private bool Analysable(ElementSyntax element) => element switch
    {
        PatternSyntax or EachSyntax or CountSyntax or LetSyntax or AggregateSyntax => _rule.ElementPlans.ContainsKey(element),
        NotSyntax not => Analysable(not.Element),
        ExistsSyntax exists => Analysable(exists.Element),
        AllSyntax all => all.Elements.All(Analysable),
        AnySyntax any => any.Alternatives.All(Analysable),
        _ => false,
    };

    private string? MatchedNote(ElementSyntax element, List<Partial> after)
    {
        if (element is CountSyntax count && _rule.ElementPlans[count] is CountPlan { NumberName: { } number })
        {
            var values = after.Select(p => p.Get(number)).Select(FormatValue).Distinct().Take(5);
            return $"{count.As?.Text ?? "n"} = {string.Join(" or ", values)}";
        }

        return null;
    }

    private (IReadOnlyList<CandidateFact>, string?) Closest(PatternPlan plan, List<Partial> before)
    {
        var candidates = FactsOf(plan.Type).ToList();
        if (candidates.Count == 0)
        {
            return ([], $"there is no {plan.Type.Name} fact in working memory");
        }

        return (Rank(plan.Conjuncts, plan.DeclarationName, candidates, before, ShownCandidates), DerivedHint(plan));
    }

    /// <summary>For a pattern over <c>Condition</c> with <c>id == "x"</c>: the rules that derive x, and the question to ask next.</summary>
    private string? DerivedHint(PatternPlan plan)
    {
        if (plan.Type.ClrType != typeof(Condition))
        {
            return null;
        }

        var ids = plan.Conjuncts.SelectMany(c => ConstantIds(c.Lambda)).Distinct().ToList();
        var notes = new List<string>();
        foreach (var id in ids)
        {
            var deriving = _allRules.Where(r => r.Syntax.Then.OfType<ConditionActionSyntax>().Any(a => a.Id.Text == id)).Select(r => r.Id).ToList();
            notes.Add(deriving.Count == 0
                ? $"no loaded rule derives condition '{id}'"
                : $"condition '{id}' does not hold; it is derived by rule {string.Join(", ", deriving)}: ask why-not --condition {id}");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    private static IEnumerable<string> ConstantIds(LambdaExpression lambda)
    {
        if (lambda.Body is BinaryExpression { NodeType: ExpressionType.Equal } equal)
        {
            var (member, constant) = equal.Left is ConstantExpression ? (equal.Right, equal.Left) : (equal.Left, equal.Right);
            if (member is MemberExpression { Member.Name: nameof(Condition.Id), Expression: ParameterExpression } && constant is ConstantExpression { Value: string id })
            {
                yield return id;
            }
        }
    }

    private List<CandidateFact> Rank(IReadOnlyList<ConjunctPlan> conjuncts, string ownName, IReadOnlyList<object> candidates, List<Partial> before, int take)
    {
        var ranked = new List<CandidateFact>();
        foreach (var candidate in candidates)
        {
            CandidateFact? best = null;
            foreach (var partial in before.Take(RankedPartials))
            {
                var outcomes = conjuncts.Select(c => (Conjunct: c, Result: Evaluate(c.Lambda, partial, ownName, candidate))).ToList();
                var satisfied = outcomes.Count(o => o.Result == true);
                if (best is null || satisfied > best.Satisfied)
                {
                    var failing = outcomes.Where(o => o.Result != true)
                        .Select(o => new ConjunctOutcome(Collapse(o.Conjunct.Text), o.Conjunct.Location, o.Result, Values(o.Conjunct.Lambda, partial, ownName, candidate)))
                        .ToList();
                    best = Candidate(candidate, satisfied, conjuncts.Count, failing, UsesBindings(conjuncts, ownName) ? partial : Partial.Empty);
                }
            }

            if (best is not null)
            {
                ranked.Add(best);
            }
        }

        return [.. ranked.OrderByDescending(c => c.Satisfied).ThenBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).Take(take)];
    }

    private static bool UsesBindings(IReadOnlyList<ConjunctPlan> conjuncts, string ownName) =>
        conjuncts.Any(c => c.Lambda.Parameters.Any(p => p.Name != ownName));

    private List<CandidateFact> Blocking(PatternPlan plan, List<Partial> before)
    {
        var result = new List<CandidateFact>();
        foreach (var partial in before.Take(RankedPartials))
        {
            foreach (var fact in FactsOf(plan.Type))
            {
                if (plan.Conjuncts.All(c => Evaluate(c.Lambda, partial, plan.DeclarationName, fact) == true)
                    && result.TrueForAll(r => r.Key != plan.Type.GetKey(fact)))
                {
                    result.Add(Candidate(fact, plan.Conjuncts.Count, plan.Conjuncts.Count, [],
                        UsesBindings(plan.Conjuncts, plan.DeclarationName) ? partial : Partial.Empty));
                }
            }
        }

        return [.. result.Take(ShownCandidates)];
    }

    private (IReadOnlyList<CandidateFact>, string?) CountFailure(CountSyntax count, CountPlan plan, List<Partial> before)
    {
        var reached = before.Take(RankedPartials).Select(p => Count(plan, p).Number).DefaultIfEmpty(0).Max();
        var distinct = plan.Distinct is null ? "" : $" distinct by {plan.Distinct.Name}";
        var note = plan.AtLeast is { } atLeast && reached < atLeast
            ? $"counted {reached}{distinct}, needs at least {atLeast}"
            : $"counted {reached}{distinct}; having '{Collapse(count.Having?.Text ?? "")}' is false";
        var candidates = FactsOf(plan.Type).ToList();
        var ranked = Rank(plan.Conjuncts, plan.SourceName, candidates, before, int.MaxValue);
        var counted = ranked.Where(c => c.Satisfied == c.Total).ToList();
        var near = ranked.Where(c => c.Satisfied < c.Total).Take(ShownCandidates).ToList();
        if (counted.Count > 0)
        {
            note += $"; counted: {string.Join(", ", counted.Take(12).Select(c => c.Key))}{(counted.Count > 12 ? ", ..." : "")}";
        }

        return (near, note + (near.Count > 0 ? "; closest not counted:" : ""));
    }

    private CandidateFact Candidate(object fact, int satisfied, int total, IReadOnlyList<ConjunctOutcome> conjuncts, Partial with)
    {
        var type = _types.Of(fact)!;
        var location = _scenario.FactLocations.TryGetValue(fact, out var l) ? l : (SourceLocation?)null;
        return new CandidateFact(type.Name, type.GetKey(fact), location, satisfied, total, conjuncts, Describe(with));
    }

    // ---- semantics ----

    private List<Partial> Extend(ElementSyntax element, List<Partial> input)
    {
        var output = new List<Partial>();
        switch (element)
        {
            case PatternSyntax pattern:
                var plan = (PatternPlan)_rule.ElementPlans[pattern];
                var candidates = FactsOf(plan.Type).ToList();
                foreach (var partial in input)
                {
                    foreach (var fact in candidates)
                    {
                        if (plan.Conjuncts.All(c => Evaluate(c.Lambda, partial, plan.DeclarationName, fact) == true))
                        {
                            Add(output, partial.With(plan.DeclarationName, fact));
                        }
                    }
                }

                break;
            case NotSyntax not:
                output.AddRange(input.Where(p => Extend(not.Element, [p]).Count == 0));
                break;
            case ExistsSyntax exists:
                output.AddRange(input.Where(p => Extend(exists.Element, [p]).Count > 0));
                break;
            case AllSyntax all:
                output = input;
                foreach (var child in all.Elements)
                {
                    output = Extend(child, output);
                }

                break;
            case AnySyntax any:
                foreach (var partial in input)
                {
                    foreach (var alternative in any.Alternatives)
                    {
                        foreach (var match in Extend(alternative, [partial]))
                        {
                            Add(output, match);
                        }
                    }
                }

                break;
            case EachSyntax each:
                var eachPlan = (EachPlan)_rule.ElementPlans[each];
                foreach (var partial in input)
                {
                    if (Invoke(eachPlan.List, partial, null, null) is IEnumerable items)
                    {
                        foreach (var item in items)
                        {
                            Add(output, partial.With(eachPlan.DeclarationName, item));
                        }
                    }
                }

                break;
            case LetSyntax or AggregateSyntax:
                output = ExtendComputed(element, input);
                break;
            case CountSyntax count:
                var countPlan = (CountPlan)_rule.ElementPlans[count];
                foreach (var partial in input)
                {
                    var (counted, number) = Count(countPlan, partial);
                    if (countPlan.AtLeast is { } atLeast && number < atLeast)
                    {
                        continue;
                    }

                    var next = partial.With(countPlan.CollectionName, counted);
                    if (countPlan.NumberName is { } name)
                    {
                        next = next.With(name, (decimal?)number);
                        if (!countPlan.Having.All(c => Evaluate(c.Lambda, next, name, (decimal?)number) == true))
                        {
                            continue;
                        }
                    }

                    Add(output, next);
                }

                break;
        }

        return output;
    }

    private (List<object> Counted, int Number) Count(CountPlan plan, Partial partial)
    {
        var counted = FactsOf(plan.Type).Where(f => plan.Conjuncts.All(c => Evaluate(c.Lambda, partial, plan.SourceName, f) == true)).ToList();
        var number = plan.Distinct is null
            ? counted.Count
            : counted.Select(f => plan.Distinct.Getter(f)).Where(v => v is not null).Distinct().Count();
        return (counted, number);
    }

    private static void Add(List<Partial> output, Partial partial)
    {
        if (output.Count < MaxPartials)
        {
            output.Add(partial);
        }
    }

    private IEnumerable<object> FactsOf(FactTypeDescriptor type) => _facts.Where(type.Matches);

    /// <summary>A conjunct's value; <see langword="null"/> when evaluating it faulted.</summary>
    private bool? Evaluate(LambdaExpression lambda, Partial partial, string? ownName, object? own) =>
        Invoke(lambda, partial, ownName, own) is bool b ? b : null;

    /// <summary>Invokes a recorded lambda, its parameters taken by name from the partial match (or the candidate); null when it faults.</summary>
    private object? Invoke(LambdaExpression lambda, Partial partial, string? ownName, object? own)
    {
        if (!_compiled.TryGetValue(lambda, out var compiled))
        {
            var args = Expression.Parameter(typeof(object[]), "args");
            var call = Expression.Invoke(lambda, lambda.Parameters.Select((p, i) =>
                (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.Type)));
            var wrapper = Expression.Lambda<Func<object?[], object?>>(Expression.Convert(call, typeof(object)), args);
            compiled = DelegateCompiler.Compile(wrapper);
            _compiled[lambda] = compiled;
        }

        var values = new object?[lambda.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var name = lambda.Parameters[i].Name!;
            values[i] = name == ownName ? own : partial.Get(name);
        }

        try
        {
            return compiled(values);
        }
#pragma warning disable CA1031 // a faulting condition is reported as neither true nor false
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    // ---- formatting ----

    /// <summary>The fields a conjunct reads and their values, e.g. <c>stance = pending, p.id = ceasefire-30d</c>.</summary>
    private string Values(LambdaExpression lambda, Partial partial, string ownName, object? own)
    {
        var reads = new List<string>();
        foreach (var (parameter, member) in FieldReads.Collect(lambda))
        {
            var target = parameter.Name == ownName ? own : partial.Get(parameter.Name!);
            var prefix = parameter.Name == ownName ? "" : AuthorName(parameter.Name!) + ".";
            string text;
            var targetType = target is null ? _types.Find(parameter.Type) : _types.Of(target);
            if (member is null && (targetType is not null || parameter.Type == typeof(DeclaredFact)))
            {
                continue;
            }

            if (member is null)
            {
                text = $"{AuthorName(parameter.Name!)} = {FormatValue(target)}";
            }
            else
            {
                var field = targetType?.Fields.FirstOrDefault(f => f.MemberName == member);
                var value = target is null || field is null ? null : field.Getter(target);
                text = $"{prefix}{field?.Name ?? member} = {FormatValue(value)}";
            }

            if (!reads.Contains(text))
            {
                reads.Add(text);
            }
        }

        return string.Join(", ", reads);
    }

    private static string AuthorName(string declarationName) => declarationName.StartsWith('_') ? "it" : declarationName;

    private WhyNotMatch Describe(Partial partial) =>
        new([.. partial.Names.Where(n => !n.StartsWith('_')).Select(n => new WhyNotBinding(n, FormatValue(partial.Get(n))))]);

    private IReadOnlyList<WhyNotMatch> Shown(List<Partial> partials) =>
        [.. partials.Select(Describe).Where(m => m.Bindings.Count > 0).DistinctBy(m => m.ToString()).Take(ShownBindings)];

    private string FormatValue(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (_types.Of(value) is { } type)
        {
            return $"{type.Name} {type.GetKey(value)}";
        }

        return value is IEnumerable and not string ? $"[{FactValueFormatter.Format(value)}]" : FactValueFormatter.Format(value);
    }

    private static string Kind(ElementSyntax element) => element switch
    {
        PatternSyntax => "fact",
        NotSyntax => "not",
        ExistsSyntax => "exists",
        AllSyntax => "all",
        AnySyntax => "any",
        EachSyntax => "each",
        CountSyntax => "count",
        LetSyntax => "let",
        AggregateSyntax => "aggregate",
        _ => "element",
    };

    internal static string Summary(ElementSyntax element) => element switch
    {
        PatternSyntax p => $"fact: {p.FactType.Text}{(p.As is null ? "" : " as " + p.As.Text)}{(p.Where is null ? "" : " where " + Collapse(p.Where.Text))}",
        NotSyntax n => "not: " + Summary(n.Element),
        ExistsSyntax e => "exists: " + Summary(e.Element),
        AllSyntax a => $"all: [{string.Join("; ", a.Elements.Select(Summary))}]",
        AnySyntax a => $"any: {a.Alternatives.Count} alternatives",
        EachSyntax e => $"each: {Collapse(e.List.Text)} as {e.As.Text}",
        CountSyntax c => $"count: {c.FactType.Text}{(c.Where is null ? "" : " where " + Collapse(c.Where.Text))}"
            + (c.Distinct is null ? "" : $" distinct {c.Distinct.Text}") + (c.AtLeast is null ? "" : $" atLeast {c.AtLeast}")
            + (c.As is null ? "" : $" as {c.As.Text}") + (c.Having is null ? "" : $" having {Collapse(c.Having.Text)}"),
        _ => ComputedSummary(element),
    };

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A partial match: declaration names bound in order.</summary>
    private sealed class Partial
    {
        public static readonly Partial Empty = new([]);

        private readonly (string Name, object? Value)[] _values;

        private Partial((string Name, object? Value)[] values) => _values = values;

        public IEnumerable<string> Names => _values.Select(v => v.Name);

        public object? Get(string name)
        {
            foreach (var (n, v) in _values)
            {
                if (n == name)
                {
                    return v;
                }
            }

            return null;
        }

        public Partial With(string name, object? value) => new([.. _values.Where(v => v.Name != name), (name, value)]);
    }

    /// <summary>
    /// Finds the field reads of a lambda: <c>parameter.Property</c> or a declared field's read (by member name), or a
    /// bare scalar parameter (member null).
    /// </summary>
    private sealed class FieldReads : ExpressionVisitor
    {
        private readonly List<(ParameterExpression, string?)> _reads = [];
        private readonly HashSet<ParameterExpression> _parameters;

        private FieldReads(IEnumerable<ParameterExpression> parameters) => _parameters = [.. parameters];

        public static List<(ParameterExpression Parameter, string? Member)> Collect(LambdaExpression lambda)
        {
            var visitor = new FieldReads(lambda.Parameters);
            visitor.Visit(lambda.Body);
            return visitor._reads;
        }

        protected override Expression VisitMember(MemberExpression node) => Read(node) ? node : base.VisitMember(node);

        protected override Expression VisitMethodCall(MethodCallExpression node) => Read(node) ? node : base.VisitMethodCall(node);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (_parameters.Contains(node) && !_reads.Contains((node, null)))
            {
                _reads.Add((node, null));
            }

            return node;
        }

        private bool Read(Expression node)
        {
            if (FactFieldDescriptor.ReadOf(node) is not var (parameter, member) || !_parameters.Contains(parameter))
            {
                return false;
            }

            if (!_reads.Contains((parameter, member)))
            {
                _reads.Add((parameter, member));
            }

            return true;
        }
    }
}

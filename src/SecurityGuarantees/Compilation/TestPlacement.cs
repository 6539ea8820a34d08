using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The order in which a rule's top-level <c>when</c> elements go into the NRules network: each pure test (a
/// <c>not:</c> or <c>exists:</c>, or an <c>any:</c> of such tests) moves up to just after the last element that binds a
/// name it reads. A conjunction means the same in any order, and a test binds nothing and adds no justification, so
/// results are unchanged; but a test written after an unrelated pattern would otherwise be re-evaluated for every fact
/// of that pattern (a test of <c>today</c> written after <c>t: Proposal</c> ran once per proposal).
/// </summary>
internal static class TestPlacement
{
    public static IReadOnlyList<ElementSyntax> Order(IReadOnlyList<ElementSyntax> when)
    {
        var elements = when.SelectMany(e => e.Conjuncts()).ToList();
        if (!elements.Exists(IsTest))
        {
            return elements;
        }

        var ordered = new List<ElementSyntax>(elements.Count);
        var binderOf = new Dictionary<string, ElementSyntax>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            if (!IsTest(element))
            {
                ordered.Add(element);
                foreach (var name in Binds(element))
                {
                    binderOf[name] = element;
                }

                continue;
            }

            // After the last binder of a name the test mentions (an over-approximation: any identifier in its texts),
            // and after the tests already placed there, so tests keep their written order among themselves.
            var at = 0;
            foreach (var name in Identifiers(element))
            {
                if (binderOf.TryGetValue(name, out var binder))
                {
                    at = Math.Max(at, ordered.IndexOf(binder) + 1);
                }
            }

            while (at < ordered.Count && IsTest(ordered[at]))
            {
                at++;
            }

            ordered.Insert(at, element);
        }

        return ordered;
    }

    /// <summary>Binds nothing outside itself and adds no justification.</summary>
    private static bool IsTest(ElementSyntax element) => element switch
    {
        NotSyntax or ExistsSyntax => true,
        AnySyntax any => any.Alternatives.All(a => a.Conjuncts().All(IsTest)),
        _ => false,
    };

    private static IEnumerable<string> Binds(ElementSyntax element) => element switch
    {
        PatternSyntax { As: { } alias } => [alias.Text],
        EachSyntax each => [each.As.Text],
        CountSyntax { As: { } alias } => [alias.Text],
        LetSyntax let => let.Bindings.Select(b => b.Name.Text),
        AggregateSyntax aggregate => [aggregate.As.Text],
        AnySyntax any => any.Alternatives.SelectMany(a => a.Conjuncts()).SelectMany(Binds),
        _ => [],
    };

    private static IEnumerable<string> Identifiers(ElementSyntax element) => Texts(element).SelectMany(IdentifiersIn);

    private static IEnumerable<TextSyntax> Texts(ElementSyntax element) => element switch
    {
        PatternSyntax pattern => pattern.Where is null ? [] : [pattern.Where],
        NotSyntax not => Texts(not.Element),
        ExistsSyntax exists => Texts(exists.Element),
        AllSyntax all => all.Elements.SelectMany(Texts),
        AnySyntax any => any.Alternatives.SelectMany(Texts),
        EachSyntax each => [each.List],
        CountSyntax count => new[] { count.Where, count.Distinct, count.Having }.OfType<TextSyntax>(),
        LetSyntax let => let.Bindings.Select(b => b.Value),
        AggregateSyntax aggregate => new[] { aggregate.Where, aggregate.GroupBy, aggregate.Having }.OfType<TextSyntax>().Concat(aggregate.Compute.Select(c => c.Value)),
        _ => [],
    };

    private static IEnumerable<string> IdentifiersIn(TextSyntax text)
    {
        var s = text.Text;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsLetter(s[i]) || s[i] == '_')
            {
                var start = i;
                while (i + 1 < s.Length && (char.IsLetterOrDigit(s[i + 1]) || s[i + 1] == '_'))
                {
                    i++;
                }

                yield return s[start..(i + 1)];
            }
        }
    }
}

using System.Collections;
using NRules.RuleModel;
using SecurityGuarantees.Results;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The action of a YAML rule: per activation, one <see cref="SupportFact"/> per <c>then</c> action, linked to the
/// activation. A re-fired activation updates its supports (never inserts twice), and only when something changed.
/// </summary>
internal sealed class RuleFiringAction(CompiledRule rule, IReadOnlyList<ConclusionFactory> factories)
{
    public CompiledRule Rule { get; } = rule;

    public IReadOnlyList<ConclusionFactory> Factories { get; } = factories;

    /// <summary>Per factory: link the conclusion itself, without a support and the merge (set by <see cref="DirectConclusionPlanner"/>).</summary>
    public bool[] Direct { get; } = new bool[factories.Count];

    public void Execute(IContext context)
    {
        var values = new MatchValues(context.Match);
        var (because, becauseFacts) = Because(values);
        for (var i = 0; i < Factories.Count; i++)
        {
            var factory = Factories[i];
            var conclusion = factory.Create(values);
            var support = new SupportFact(factory.Type.Name, factory.Type.GetKey(conclusion), conclusion, Rule, because, becauseFacts);
            if (Direct[i])
            {
                LinkDirectly(context, i, factory, conclusion, support);
                continue;
            }

            switch (context.GetLinked(i))
            {
                case null:
                    context.InsertLinked(i, support);
                    break;
                case SupportFact existing when !existing.SameContentAs(support):
                    context.UpdateLinked(i, support);
                    break;
            }
        }
    }

    /// <summary>The conclusion is the linked fact; its support is kept beside it (<see cref="IDirectSupportStore"/>).</summary>
    private void LinkDirectly(IContext context, int index, ConclusionFactory factory, object conclusion, SupportFact support)
    {
        var store = (IDirectSupportStore)context.Resolve(typeof(IDirectSupportStore));
        switch (context.GetLinked(index))
        {
            case null:
                store.Attach(support);
                try
                {
                    context.InsertLinked(index, conclusion);
                }
                catch (ArgumentException)
                {
                    throw new InsertConflictException(factory.Type.Name, support.ConclusionKey, [Rule.Id]);
                }

                break;
            case { } existing when !ConclusionComparer.Equal(existing, conclusion) || store.Find(existing, support.GroupKey) is not { } old
                                   || !old.SameContentAs(support):
                store.Attach(support);
                context.UpdateLinked(index, conclusion);
                break;
        }
    }

    private (IReadOnlyList<FactReference>, IReadOnlyList<object>) Because(MatchValues values)
    {
        var declarations = Rule.BecauseDeclarations;
        var count = 0;
        var hasCollection = false;
        for (var i = 0; i < declarations.Count; i++)
        {
            if (values[declarations[i].DeclarationName] is not null)
            {
                count++; // null: a branch of any: that did not match
                hasCollection |= declarations[i].IsCollection;
            }
        }

        if (!hasCollection)
        {
            // The common case: one fact per declaration, so exact arrays (supports are kept for the session's lifetime).
            var references = new FactReference[count];
            var facts = new object[count];
            var at = 0;
            for (var i = 0; i < declarations.Count; i++)
            {
                if (values[declarations[i].DeclarationName] is { } value)
                {
                    references[at] = new FactReference(declarations[i].Type.Name, declarations[i].Type.GetKey(value));
                    facts[at++] = value;
                }
            }

            return (references, facts);
        }

        var referenceList = new List<FactReference>();
        var factList = new List<object>();
        foreach (var declaration in declarations)
        {
            var value = values[declaration.DeclarationName];
            if (value is null)
            {
                continue;
            }

            if (declaration.IsCollection)
            {
                foreach (var (key, fact) in ((IEnumerable)value).Cast<object>()
                             .Select(f => (Key: declaration.Type.GetKey(f), Fact: f))
                             .OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    referenceList.Add(new FactReference(declaration.Type.Name, key));
                    factList.Add(fact);
                }
            }
            else
            {
                referenceList.Add(new FactReference(declaration.Type.Name, declaration.Type.GetKey(value)));
                factList.Add(value);
            }
        }

        return (referenceList, factList);
    }
}

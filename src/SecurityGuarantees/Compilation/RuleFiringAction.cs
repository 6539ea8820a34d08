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

    /// <summary>
    /// The names of the declarations NRules passes to the action, in order (set when the rule is built), or null when
    /// the action reads them from the match.
    /// </summary>
    public string[]? DeclarationNames { get; set; }

    public void Execute(IContext context) => Execute(context, new MatchValues(context.Match));

    public void Execute(IContext context, MatchValues values)
    {
        var (because, becauseFacts) = Because(values);
        ILinkedConclusions? links = null;
        for (var i = 0; i < Factories.Count; i++)
        {
            var factory = Factories[i];
            var conclusion = factory.Create(values);
            var support = new SupportFact(factory.Type.Name, factory.Type.GetKey(conclusion), conclusion, Rule, because, becauseFacts);
            links ??= (ILinkedConclusions)context.Resolve(typeof(ILinkedConclusions));
            if (Direct[i])
            {
                LinkDirectly(context, links, i, factory, conclusion, support);
                continue;
            }

            switch (context.GetLinked(i))
            {
                case null:
                    context.InsertLinked(i, support);
                    links.SupportLinked(support, null);
                    break;
                case SupportFact existing when !existing.SameContentAs(support):
                    context.UpdateLinked(i, support);
                    links.SupportLinked(support, existing);
                    break;
            }
        }
    }

    /// <summary>The conclusion is the linked fact; its support is kept beside it (<see cref="ILinkedConclusions"/>).</summary>
    private void LinkDirectly(IContext context, ILinkedConclusions links, int index, ConclusionFactory factory, object conclusion, SupportFact support)
    {
        switch (context.GetLinked(index))
        {
            case null:
                try
                {
                    context.InsertLinked(index, conclusion);
                }
                catch (ArgumentException)
                {
                    throw new InsertConflictException(factory.Type.Name, support.ConclusionKey, [Rule.Id]);
                }

                links.ConclusionLinked(support, null);
                break;
            case { } existing when !ConclusionComparer.Equal(existing, conclusion) || links.Find(existing, support.GroupKey) is not { } old
                                   || !old.SameContentAs(support):
                context.UpdateLinked(index, conclusion);
                links.ConclusionLinked(support, existing);
                break;
        }
    }

    /// <summary>
    /// The matched facts named by the rule's declarations, as references and as objects, in exact arrays: a session keeps
    /// them for every support. The facts of a collection (a <c>count:</c>) are listed in key order.
    /// </summary>
    internal (IReadOnlyList<FactReference> References, IReadOnlyList<object> Facts) Because(MatchValues values)
    {
        var declarations = Rule.BecauseDeclarations;
        var count = 0;
        List<(string Key, object Fact)[]>? collections = null;
        foreach (var declaration in declarations)
        {
            switch (values[declaration.DeclarationName])
            {
                case null:
                    continue; // a branch of any: that did not match
                case { } items when declaration.IsCollection:
                    var sorted = ((IEnumerable)items).Cast<object>().Select(f => (Key: declaration.Type.GetKey(f), Fact: f))
                        .OrderBy(x => x.Key, StringComparer.Ordinal).ToArray();
                    (collections ??= []).Add(sorted);
                    count += sorted.Length;
                    break;
                default:
                    count++;
                    break;
            }
        }

        var references = new FactReference[count];
        var facts = new object[count];
        var (at, collection) = (0, 0);
        foreach (var declaration in declarations)
        {
            if (values[declaration.DeclarationName] is not { } value)
            {
                continue;
            }

            if (declaration.IsCollection)
            {
                foreach (var (key, fact) in collections![collection++])
                {
                    references[at] = new FactReference(declaration.Type.Name, key);
                    facts[at++] = fact;
                }
            }
            else
            {
                references[at] = new FactReference(declaration.Type.Name, declaration.Type.GetKey(value));
                facts[at++] = value;
            }
        }

        return (references, facts);
    }
}

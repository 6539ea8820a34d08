using NRules.RuleModel;

namespace SecurityGuarantees.Compilation.Indexing;

/// <summary>
/// The indexed fact types no NRules pattern reads: every rule reaches their facts through index lookups, which read the
/// session's buckets (<see cref="SessionIndexes"/>), so inserting those facts into NRules as well would only cost (an
/// alpha-network pass and a working-memory entry per fact, for nothing to match them). Found from the compiled rule model,
/// so it holds whatever element (a pattern, a count, an each:, a not:) a rule uses the type in.
/// </summary>
internal static class IndexOnlyTypes
{
    public static IReadOnlySet<Type> Find(IReadOnlyList<IRuleDefinition> definitions, IReadOnlyList<IndexSpec> indexes)
    {
        if (indexes.Count == 0)
        {
            return new HashSet<Type>();
        }

        var read = new HashSet<Type>();
        var collector = new PatternTypeCollector();
        foreach (var definition in definitions)
        {
            collector.Visit(read, definition);
        }

        // A pattern of a base type or an interface (or object) reads the derived types too.
        // Declared types share one class: their facts always go to NRules (another declared type may be read there).
        return indexes.Select(i => i.Type.ClrType)
            .Where(t => t != typeof(Facts.DeclaredFact) && !read.Any(r => r.IsAssignableFrom(t)))
            .ToHashSet();
    }

    private sealed class PatternTypeCollector : RuleElementVisitor<HashSet<Type>>
    {
        protected override PatternElement VisitPattern(HashSet<Type> context, PatternElement element)
        {
            // A lookup's result pattern binds facts read from a bucket, not from working memory.
            var lookup = element.Source is AggregateElement { Name: IndexLookupAggregatorFactory.Name };
            if (!lookup && element.ValueType != typeof(IndexHolder))
            {
                context.Add(element.ValueType);
            }

            return base.VisitPattern(context, element);
        }
    }
}

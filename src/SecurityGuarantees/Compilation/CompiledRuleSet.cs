using NRules;
using NRules.RuleModel;
using SecurityGuarantees.Compilation.Indexing;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>The result of compiling every loaded rule file: immutable, thread-safe, reused for every evaluation.</summary>
internal sealed class CompiledRuleSet(ISessionFactory sessionFactory, IReadOnlyList<CompiledRule> rules, FactTypeRegistry types,
    IReadOnlyList<IndexSpec> indexes, IReadOnlySet<Type> indexOnlyTypes, IReadOnlyList<IRuleDefinition> definitions)
{
    public ISessionFactory SessionFactory { get; } = sessionFactory;

    /// <summary>The NRules rule model compiled into <see cref="SessionFactory"/>: author, helper and merge rules.</summary>
    public IReadOnlyList<IRuleDefinition> Definitions { get; } = definitions;

    /// <summary>Author rules in load order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    public FactTypeRegistry Types { get; } = types;

    /// <summary>The indexes of the indexed equi-joins (empty when indexing is off); every session keeps them.</summary>
    public IReadOnlyList<IndexSpec> Indexes { get; } = indexes;

    /// <summary>The indexed types no NRules pattern reads (<see cref="IndexOnlyTypes"/>): their facts stay out of NRules.</summary>
    public IReadOnlySet<Type> IndexOnlyTypes { get; } = indexOnlyTypes;

    public CompiledRule? FindRule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>
    /// Whether some rule has an <c>each:</c> element, i.e. a pattern over <see cref="EachSource"/>: only then does a
    /// session hold that fact (inserting it walks every type node of the network).
    /// </summary>
    public bool ReadsEachSource => _readsEachSource ??= PatternTypes.Of(Definitions).Contains(typeof(EachSource));

    private bool? _readsEachSource;
}

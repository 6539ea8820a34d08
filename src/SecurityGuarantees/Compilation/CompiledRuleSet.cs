using NRules;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>The result of compiling every loaded rule file: immutable, thread-safe, reused for every evaluation.</summary>
internal sealed class CompiledRuleSet(ISessionFactory sessionFactory, IReadOnlyList<CompiledRule> rules, FactTypeRegistry types)
{
    public ISessionFactory SessionFactory { get; } = sessionFactory;

    /// <summary>Author rules in load order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    public FactTypeRegistry Types { get; } = types;

    public CompiledRule? FindRule(string id) => Rules.FirstOrDefault(r => r.Id == id);
}

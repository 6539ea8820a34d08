using SecurityGuarantees.Expressions;

namespace SecurityGuarantees.Compilation;

/// <summary>
/// The names an element of a rule can see: bindings made earlier in the same or an enclosing scope.
/// <c>not:</c>, <c>exists:</c> and <c>any:</c> alternatives open a child scope, so their bindings stay inside.
/// </summary>
internal sealed class DeclarationScope
{
    private readonly DeclarationScope? _parent;
    private readonly List<ScopeBinding> _own = [];

    public DeclarationScope(DeclarationScope? parent = null) => _parent = parent;

    public IReadOnlyList<ScopeBinding> Own => _own;

    public DeclarationScope Child() => new(this);

    public void Add(ScopeBinding binding) => _own.Add(binding);

    public ScopeBinding? Find(string name) =>
        _own.FirstOrDefault(b => b.Name == name) ?? _parent?.Find(name);

    /// <summary>Every visible binding, outermost first, in the order they were made.</summary>
    public IReadOnlyDictionary<string, ScopeBinding> Visible()
    {
        var chain = new List<DeclarationScope>();
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            chain.Add(scope);
        }

        var result = new Dictionary<string, ScopeBinding>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var binding in chain[i]._own)
            {
                result[binding.Name] = binding;
            }
        }

        return result;
    }
}

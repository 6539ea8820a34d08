namespace SecurityGuarantees.Expressions;

/// <summary>A node of a parsed expression. <paramref name="Start"/> and <paramref name="Length"/> are offsets into the expression text.</summary>
internal abstract record ExprNode(int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>
    /// How deep the tree below this node is, counting each list item as a level because <c>x in [..]</c> becomes a chain.
    /// The parser bounds it so that the binder, the LINQ compiler and NRules never recurse deeply.
    /// </summary>
    public abstract int Height { get; }
}

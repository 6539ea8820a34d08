namespace SecurityGuarantees.Expressions;

/// <summary>The binary operators, whatever their spelling (<c>&amp;&amp;</c> or <c>and</c>).</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    In,
    NotIn,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
}

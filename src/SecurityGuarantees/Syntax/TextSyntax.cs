using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Syntax;

/// <summary>A piece of author text (an expression, a template, a name) and where its first character is.</summary>
internal sealed record TextSyntax(string Text, SourceLocation Location)
{
    public override string ToString() => Text;
}

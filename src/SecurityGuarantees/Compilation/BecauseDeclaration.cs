using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Compilation;

/// <summary>A declaration of a rule whose match contributes to <c>because</c>: a fact, or the facts counted by <c>count:</c>.</summary>
internal sealed record BecauseDeclaration(string DeclarationName, FactTypeDescriptor Type, bool IsCollection);

using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Authoring;

/// <summary>Where the recorded conditions of a rule file read a field of a fact type (<c>x.field</c> or a bare field of the pattern's type).</summary>
internal static class FieldReadFinder
{
    public static IEnumerable<SourceLocation> Reads(RuleFileAnalysis analysis, FactTypeDescriptor type, string field)
    {
        foreach (var entry in analysis.Scopes.Entries.Where(e => e.Kind != ExpressionScopeKind.Template))
        {
            var scratch = new DiagnosticBag();
            var node = ExpressionParser.Parse(entry.Text.Text, entry.Text.Location, scratch);
            if (node is null)
            {
                continue;
            }

            var map = new SourceTextMap(entry.Text.Text, entry.Text.Location);
            foreach (var read in ExpressionNodes.All(node))
            {
                var hit = read switch
                {
                    MemberAccessNode member => member.Member.Name == field
                        && entry.Scope.Bindings.TryGetValue(member.Target.Name, out var binding) && binding.Fact == type ? member.Member : null,
                    NameNode name => name.Name == field && entry.Scope.CurrentFact == type ? name : null,
                    _ => null,
                };
                if (hit is not null)
                {
                    yield return map.Locate(hit.Start);
                }
            }
        }
    }
}

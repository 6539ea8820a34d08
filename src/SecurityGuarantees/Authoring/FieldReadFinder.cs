using System.Text.RegularExpressions;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expressions;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// Where a rule file reads a field of a fact type: in its recorded conditions (<c>x.field</c> or a bare field of the
/// pattern's type), in an aggregate's <c>compute:</c> arguments and <c>groupBy:</c>, and in a count's <c>distinct:</c>.
/// </summary>
internal static partial class FieldReadFinder
{
    public static IEnumerable<SourceLocation> Reads(RuleFileAnalysis analysis, FactTypeDescriptor type, string field, FactTypeRegistry types) =>
        ScopedReads(analysis, type, field).Concat(ElementReads(analysis, type, field, types)).Distinct();

    private static IEnumerable<SourceLocation> ScopedReads(RuleFileAnalysis analysis, FactTypeDescriptor type, string field)
    {
        foreach (var entry in analysis.Scopes.Entries.Where(e => e.Kind != ExpressionScopeKind.Template))
        {
            foreach (var location in NameReads(entry.Text, field, entry.Scope.CurrentFact == type,
                target => entry.Scope.Bindings.TryGetValue(target, out var binding) && binding.Fact == type))
            {
                yield return location;
            }
        }
    }

    /// <summary>The reads the binder records no scope for: they bind against the element's own type.</summary>
    private static IEnumerable<SourceLocation> ElementReads(RuleFileAnalysis analysis, FactTypeDescriptor type, string field, FactTypeRegistry types)
    {
        foreach (var element in analysis.Rules.SelectMany(r => r.When))
        {
            switch (element)
            {
                case AggregateSyntax aggregate when types.Find(aggregate.FactType.Text) == type:
                    if (aggregate.GroupBy is { } groupBy && groupBy.Text.Trim() == field)
                    {
                        yield return groupBy.Location;
                    }

                    foreach (var compute in aggregate.Compute)
                    {
                        var call = ComputeCall().Match(compute.Value.Text);
                        if (!call.Success)
                        {
                            continue;
                        }

                        var argument = call.Groups["arg"];
                        var text = new TextSyntax(argument.Value, compute.Value.Location.Offset(argument.Index));
                        foreach (var location in NameReads(text, field, bareNamesAreFields: true, _ => false))
                        {
                            yield return location;
                        }
                    }

                    break;
                case CountSyntax count when count.Distinct is { } distinct && distinct.Text.Trim() == field && types.Find(count.FactType.Text) == type:
                    yield return distinct.Location;
                    break;
            }
        }
    }

    private static IEnumerable<SourceLocation> NameReads(TextSyntax text, string field, bool bareNamesAreFields, Func<string, bool> bindsTheType)
    {
        var node = ExpressionParser.Parse(text.Text, text.Location, new DiagnosticBag());
        if (node is null)
        {
            yield break;
        }

        var map = new SourceTextMap(text.Text, text.Location);
        foreach (var read in ExpressionNodes.All(node))
        {
            var hit = read switch
            {
                MemberAccessNode member => member.Member.Name == field && bindsTheType(member.Target.Name) ? member.Member : null,
                NameNode name => name.Name == field && bareNamesAreFields ? name : null,
                _ => null,
            };
            if (hit is not null)
            {
                yield return map.Locate(hit.Start);
            }
        }
    }

    /// <summary>A compute value as the rule builder reads it (its own pattern): <c>f(argument)</c>, <c>count(distinct argument)</c>.</summary>
    [GeneratedRegex(@"^\s*(?<f>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?:(?<distinct>distinct)\s+)?(?<arg>.*?)\s*\)\s*$", RegexOptions.Singleline)]
    private static partial Regex ComputeCall();
}

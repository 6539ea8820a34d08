using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Linting;

namespace SecurityGuarantees;

public sealed partial class ScenarioEngine
{
    /// <summary>
    /// Checks the loaded rule set as a whole (codes SG07xx): conditions matched but never derived, derived but never read
    /// nor expected, unused bindings, rules that can never fire, duplicate conclusions, derivation cycles and rules that
    /// defeat their own <c>not:</c>.
    /// </summary>
    /// <param name="scenarioPaths">
    /// Scenario files or folders (read recursively) whose <c>expect:</c> blocks count as reading a condition; none: every
    /// condition no rule reads is reported.
    /// </param>
    /// <returns>The load warnings of the rules and scenarios, then the lint findings, sorted by file, line and column.</returns>
    /// <exception cref="RuleLoadException">A scenario file has errors; all of them are listed.</exception>
    public IReadOnlyList<Diagnostic> Lint(IEnumerable<string>? scenarioPaths = null)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(Warnings);
        HashSet<string>? expected = null;
        if (scenarioPaths is not null)
        {
            expected = ExpectedConditionReader.Read(this, scenarioPaths, diagnostics);
            if (diagnostics.HasErrors)
            {
                throw new RuleLoadException(diagnostics.Sorted());
            }
        }

        diagnostics.AddRange(RuleSetLinter.Lint(Rules, expected));
        return diagnostics.Sorted();
    }
}

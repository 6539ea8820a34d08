using SecurityGuarantees.Facts;

namespace SecurityGuarantees.Explanations;

/// <summary>Writes a <see cref="WhyNotReport"/> for people, with <c>\n</c> line ends.</summary>
public static class WhyNotTextWriter
{
    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="scenarioPath">The scenario file, for the <c>explain</c> command suggested for rules that fired; optional.</param>
    public static void Write(WhyNotReport report, TextWriter output, string? scenarioPath = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        void Line(string text = "") => output.Write(text + "\n");
        Line($"Scenario {report.Scenario}, as of {FactValueFormatter.Format(report.AsOf)}");
        if (report.Condition is not null)
        {
            Line();
            Line(report.ConditionHolds.Count > 0
                ? $"Condition {report.Condition} holds: {string.Join(", ", report.ConditionHolds)}"
                : $"Condition {report.Condition} does not hold");
            Line($"{Count(report.Rules.Count, "rule derives", "rules derive")} it: {string.Join(", ", report.Rules.Select(r => r.Rule))}");
        }

        foreach (var rule in report.Rules)
        {
            Line();
            var title = rule.Title is null ? "" : $" \"{rule.Title}\"";
            Line($"Rule {rule.Rule}{title} ({ExplanationTextWriter.At(rule.Location)}): {(rule.Fired ? "fired" : "did not fire")}");
            if (rule.Fired)
            {
                Line($"  concluded {string.Join(", ", rule.Conclusions)}");
                Line($"  for why, run: security-guarantees explain {scenarioPath ?? "<scenario>"} {ExplainHint(rule)}");
            }

            WriteElements(rule.Elements, output, "  ", numbered: true);
            if (rule.FirstFailing is { } failing)
            {
                var element = rule.Elements[failing];
                Line($"  first failing element: {failing + 1} ({element.Kind}, {ExplanationTextWriter.At(element.Location)})");
                WriteDropOuts(rule, output);
            }
            else if (!rule.Fired)
            {
                Line("  every element matches in the final working memory, yet the rule has no conclusion; this may be a defect, please report it");
            }
        }
    }

    private static void WriteDropOuts(RuleAnalysis rule, TextWriter output)
    {
        if (rule.DroppedOut.Count == 0)
        {
            return;
        }

        output.Write("  where each candidate dropped out:\n");
        foreach (var dropOut in rule.DroppedOut)
        {
            output.Write($"    {DropOut(rule, dropOut)}\n");
        }
    }

    internal static string DropOut(RuleAnalysis rule, CandidateDropOut dropOut)
    {
        var element = rule.Elements[dropOut.DroppedAt];
        var where = $"element {dropOut.DroppedAt + 1} ({element.Kind}, {ExplanationTextWriter.At(element.Location)})";
        if (dropOut.DroppedAt == dropOut.BoundAt && dropOut.Fact.Conjuncts.Count > 0)
        {
            return $"{Candidate(dropOut.Fact)} [dropped out at {where}]";
        }

        var fact = dropOut.Fact;
        var at = fact.Location is { } l ? $" ({ExplanationTextWriter.At(l)})" : "";
        var reached = dropOut.DroppedAt == rule.FirstFailing && dropOut.DroppedAt != dropOut.BoundAt ? ", the first failing one" : "";
        var binding = dropOut.Binding is null ? "" : $" as {dropOut.Binding}";
        return $"{fact.Label}{at}{binding}: matched element {dropOut.BoundAt + 1}, dropped out at {where}{reached}";
    }

    private static string ExplainHint(RuleAnalysis rule)
    {
        var first = rule.Conclusions.FirstOrDefault() ?? "";
        var parts = first.Split(' ', 2);
        var id = parts.Length == 2 ? parts[1].Split('/')[0] : "";
        return parts[0] switch
        {
            "Condition" => $"--condition {id}",
            "NextStep" => $"--next-step {id}",
            _ => "",
        };
    }

    private static void WriteElements(IReadOnlyList<ElementAnalysis> elements, TextWriter output, string indent, bool numbered)
    {
        void Line(string text) => output.Write(text + "\n");
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            var status = e.Outcome switch
            {
                ElementOutcome.Matched => "matched",
                ElementOutcome.Failed => "FAILED",
                ElementOutcome.NotReached => "not reached",
                _ => "not analysed",
            };
            var counts = e.Outcome switch
            {
                ElementOutcome.Matched => $": {Count(e.MatchesAfter, "match", "matches")}",
                ElementOutcome.Failed => $": no match (of {Count(e.MatchesBefore, "partial match", "partial matches")})",
                _ => "",
            };
            Line($"{indent}{(numbered ? $"{i + 1}. " : "- ")}{status,-12} {e.Summary} ({ExplanationTextWriter.At(e.Location)}){counts}");
            var inner = indent + "     ";
            if (e.Bindings.Count > 0)
            {
                Line($"{inner}{(e.Outcome == ElementOutcome.Failed ? "bindings reached" : "bindings")}: {string.Join(" | ", e.Bindings)}");
            }

            if (e.Note is not null)
            {
                Line($"{inner}{e.Note}");
            }

            if (e.Closest.Count > 0)
            {
                if (e.Kind != "not" && e.Note?.EndsWith(':') != true)
                {
                    Line($"{inner}closest facts:");
                }

                foreach (var candidate in e.Closest)
                {
                    Line($"{inner}  {Candidate(candidate)}");
                }
            }

            if (e.Nested.Count > 0)
            {
                WriteElements(e.Nested, output, inner, numbered: false);
            }
        }
    }

    internal static string Candidate(CandidateFact candidate)
    {
        var where = candidate.Location is { } l ? $" ({ExplanationTextWriter.At(l)})" : candidate.Type is "Condition" or "NextStep" ? " (derived)" : "";
        var with = candidate.With.Bindings.Count > 0 ? $" [with {candidate.With}]" : "";
        if (candidate.Conjuncts.Count == 0)
        {
            return $"{candidate.Label}{where}{with}";
        }

        var failing = string.Join("; ", candidate.Conjuncts.Select(Conjunct));
        var score = candidate.Conjuncts.Count > 1 || candidate.Total > 1 ? $" {candidate.Satisfied} of {candidate.Total} hold;" : "";
        return $"{candidate.Label}{where}{with}:{score} {failing}";
    }

    internal static string Conjunct(ConjunctOutcome c) =>
        $"{c.Text} is {(c.Result is null ? "faulted" : "false")}{(c.Values.Length > 0 ? $" ({c.Values})" : "")}";

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

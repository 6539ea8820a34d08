using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Scenarios;
using SecurityGuarantees.Timelines;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// A scenario (or timeline) file as <c>security-guarantees test</c> loads it: facts, timeline and expectations, with
/// the same diagnostics, plus the YAML tree for keys and navigation.
/// </summary>
internal sealed class ScenarioAnalysis
{
    private ScenarioAnalysis(string file, string text, IReadOnlyList<Diagnostic> diagnostics, YamlNode? tree, FactTypeRegistry types)
    {
        Types = types;
        File = file;
        Text = text;
        Diagnostics = diagnostics;
        Tree = tree;
        Lines = new SourceLines(text);
    }

    public string File { get; }

    /// <summary>The fact types the scenario was read with.</summary>
    public FactTypeRegistry Types { get; }

    public string Text { get; }

    public SourceLines Lines { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public YamlNode? Tree { get; }

    public static ScenarioAnalysis Analyze(string file, string text, FactTypeRegistry types)
    {
        var diagnostics = new DiagnosticBag();
        var scenario = ScenarioFileLoader.Load(file, text, types, LoadLimits.Default, diagnostics);
        if (scenario is null || diagnostics.HasErrors)
        {
            TimelineParser.CheckWithoutFacts(file, text, types, LoadLimits.Default, diagnostics);
        }
        else
        {
            var timeline = scenario.TimelineNode is null ? null : TimelineParser.Parse(scenario, types, LoadLimits.Default, diagnostics);
            ExpectationParser.FromScenario(scenario, diagnostics);
            foreach (var step in timeline?.Steps ?? [])
            {
                ExpectationParser.Parse(step.ExpectNode, diagnostics);
            }
        }

        var tree = YamlTreeReader.Read(file, text, new DiagnosticBag());
        return new ScenarioAnalysis(file, text, diagnostics.Sorted(), tree, types);
    }

    /// <summary>The keys of the facts of <paramref name="type"/> in the scenario (<c>facts:</c>, then the timeline's <c>insert:</c>s), with where each fact is.</summary>
    public IEnumerable<(string Key, SourceLocation Location)> KeysOf(FactTypeDescriptor type)
    {
        if (Tree is not YamlMapping root || type.KeyFields.Count != 1)
        {
            yield break;
        }

        var lists = new List<YamlSequence>();
        if (root["facts"] is YamlMapping facts && facts[type.Name] is YamlSequence listed)
        {
            lists.Add(listed);
        }

        if (root["timeline"] is YamlSequence steps)
        {
            lists.AddRange(steps.Items.OfType<YamlMapping>().Select(s => s["insert"]).OfType<YamlMapping>().Select(i => i[type.Name]).OfType<YamlSequence>());
        }

        foreach (var item in lists.SelectMany(l => l.Items))
        {
            if (item is YamlMapping fact && fact[type.KeyFields[0].Name] is YamlScalar key)
            {
                yield return (key.Value, fact.Location);
            }
            else if (item is YamlScalar scalar)
            {
                yield return (scalar.Value, scalar.Location);
            }
        }
    }
}

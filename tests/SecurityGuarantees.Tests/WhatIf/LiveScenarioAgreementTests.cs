using SecurityGuarantees.Reporting;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.WhatIf;

/// <summary>
/// Variants run as incremental changes of one live session; these tests apply random change sets in random order to
/// one session and check every state against a fresh evaluation of the changed scenario.
/// </summary>
public sealed class LiveScenarioAgreementTests
{
    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    [Theory]
    [InlineData("examples/scenarios/2025-03-12-paris-e5.yaml", 1)]
    [InlineData("examples/scenarios/2025-03-12-paris-e5.yaml", 2)]
    [InlineData("examples/scenarios/2026-01-06-paris-declaration.yaml", 3)]
    [InlineData("examples/scenarios/2025-08-18-white-house.yaml", 4)]
    public void RandomChangeSets_OnOneLiveSession_AgreeWithFreshEvaluations(string file, int seed)
    {
        var scenario = BuiltIn.LoadScenario(TestPaths.Repo(file));
        var resolver = new FactResolver(scenario, BuiltIn.Rules.Types);
        var candidates = Candidates(resolver);
        var random = new Random(seed);
        var live = new LiveScenario(BuiltIn, scenario, null, CancellationToken.None);
        Assert.Equal(JsonReportWriter.ToJson(BuiltIn.Evaluate(scenario)), JsonReportWriter.ToJson(live.Original));
        for (var round = 0; round < 25; round++)
        {
            var count = random.Next(0, 5);
            var changes = new List<ResolvedChange>();
            for (var i = 0; i < count; i++)
            {
                var candidate = candidates[random.Next(candidates.Count)];
                if (!changes.Exists(c => ReferenceEquals(c.Slot, candidate.Slot) && c.Field == candidate.Field))
                {
                    changes.Add(candidate);
                }
            }

            var incremental = JsonReportWriter.ToJson(live.Apply(changes));
            var fresh = JsonReportWriter.ToJson(BuiltIn.Evaluate(ScenarioEditing.Apply(scenario, changes)));
            Assert.True(fresh == incremental, $"round {round}, changes: {string.Join("; ", changes.Select(c => c.Change))}\nfresh:       {fresh}\nincremental: {incremental}");
        }
    }

    /// <summary>Every removal, and every other value of each enum and bool field of every fact.</summary>
    private static List<ResolvedChange> Candidates(FactResolver resolver)
    {
        var result = new List<ResolvedChange>();
        foreach (var slot in resolver.Slots)
        {
            result.Add(new ResolvedChange(slot, null, null, ScenarioChange.Remove(slot.Address)));
            foreach (var field in slot.Type.Fields.Where(f => !f.IsKey && !f.IsList))
            {
                IEnumerable<object> values = field.ScalarType.IsEnum ? Enum.GetValues(field.ScalarType).Cast<object>()
                    : field.ScalarType == typeof(bool) ? [true, false] : [];
                foreach (var value in values.Where(v => !Equals(v, field.Getter(slot.Original))))
                {
                    result.Add(new ResolvedChange(slot, field, value, ScenarioChange.Set(slot.Address with { Field = field.Name }, value.ToString()!)));
                }
            }
        }

        return result;
    }
}

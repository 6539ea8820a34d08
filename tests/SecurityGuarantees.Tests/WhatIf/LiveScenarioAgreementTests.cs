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

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void RunVariants_RandomDimensions_EveryVariantEqualsAFreshEvaluation(int seed)
    {
        var scenario = BuiltIn.LoadScenario(TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml"));
        var random = new Random(seed);
        string[] stances = ["accepted", "conditional", "pending", "rejected"];
        var pool = new List<VariationDimension>
        {
            VariationDimension.OfValues(new FactAddress("Position", "jeddah-ceasefire/RU", "stance"), stances.OrderBy(_ => random.Next()).Take(random.Next(1, 4))),
            VariationDimension.OfValues(new FactAddress("Position", "jeddah-ceasefire/UA", "stance"), stances.OrderBy(_ => random.Next()).Take(random.Next(1, 3))),
            VariationDimension.OfValues(new FactAddress("Proposal", "jeddah-ceasefire", "mutual"), random.Next(2) == 0 ? ["true", "false"] : ["false", "true"]),
            VariationDimension.OfValues(new FactAddress("Commitment", "interest-gb", "level"), ["political", "interested", "suspended"]),
            VariationDimension.OfPresence(new FactAddress("Observation", "healey-over-to-you")),
            VariationDimension.OfPresence(new FactAddress("Demand", "ru-demilitarisation")),
            new VariationDimension(new FactAddress("Party", "RU"), ["false", "true"]),
        };
        var dimensions = pool.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();

        var result = BuiltIn.RunVariants(scenario, dimensions);

        Assert.Equal(dimensions.Aggregate(1, (n, d) => n * d.Values.Count), result.Variants.Count);
        foreach (var variant in result.Variants)
        {
            var changes = dimensions.Select((d, i) => d.IsPresence
                    ? variant.Values[i] == "true" ? null : ScenarioChange.Remove(d.Address)
                    : ScenarioChange.Set(d.Address, variant.Values[i]))
                .OfType<ScenarioChange>().ToList();
            var fresh = ConclusionOrder.Of(BuiltIn.Evaluate(BuiltIn.WithChanges(scenario, changes)));
            var incremental = new ConclusionSet(
                [.. result.Always.Conditions.Concat(variant.Conclusions.Conditions).Order(ConclusionOrder.Conditions)],
                [.. result.Always.NextSteps.Concat(variant.Conclusions.NextSteps).Order(ConclusionOrder.NextSteps)]);
            Assert.True(fresh.Conditions.SequenceEqual(incremental.Conditions) && fresh.NextSteps.SequenceEqual(incremental.NextSteps),
                $"variant {string.Join(", ", variant.Values)} of {string.Join(" × ", dimensions.Select(d => d.Label))}");
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

namespace SecurityGuarantees.Tests.Indexing;

/// <summary>Which joins share an index: the same field with the same filter, compared by structure, not by its text.</summary>
public sealed class IndexSharingTests
{
    private static IReadOnlyList<string> DemandIndexes(string firstName, string firstStatus, string secondName, string secondStatus)
    {
        var engine = new ScenarioEngineBuilder().WithIndexedJoins(true).AddRuleText("r.yaml", $$"""
            version: 1
            ruleset: r
            rules:
              - id: first
                when:
                  - fact: Party
                    as: p
                  - fact: Demand
                    as: {{firstName}}
                    where: holder == p.id && status == "{{firstStatus}}"
                then:
                  - condition: first
                    subject: "{{{firstName}}.id}"
              - id: second
                when:
                  - fact: Party
                    as: p
                  - fact: Demand
                    as: {{secondName}}
                    where: holder == p.id && status == "{{secondStatus}}"
                then:
                  - condition: second
                    subject: "{{{secondName}}.id}"
            """).Build();
        return [.. engine.Rules.Indexes.Where(i => i.Type.Name == "Demand").Select(i => i.Id)];
    }

    [Fact]
    public void TheSameFilterUnderAnotherName_SharesTheIndex()
    {
        Assert.Single(DemandIndexes("d", "open", "e", "open"));
    }

    [Fact]
    public void AnotherConstant_GetsItsOwnIndex_WithADistinctId()
    {
        var ids = DemandIndexes("d", "open", "d", "withdrawn");
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}

using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Tests.Support;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.WhatIf;

/// <summary>
/// The variant walk nests the dimensions cheapest-innermost by an estimate (<see cref="VariantWalkOrder"/>); these tests pin
/// the estimate's order on benchmark row 14b's dimensions, where the order was measured (docs/performance.md).
/// </summary>
public sealed class VariantWalkOrderTests
{
    private static readonly ScenarioEngine BuiltIn = new ScenarioEngineBuilder().Build();

    [Fact]
    public void ParisE5Dimensions_NestCheapestInnermost_AsMeasured()
    {
        var scenario = BuiltIn.LoadScenario(TestPaths.Repo("examples/scenarios/2025-03-12-paris-e5.yaml"));
        var dimensions = ParisE5.SixDimensions();
        var resolved = BuiltIn.ResolveVariants(scenario, dimensions, new WhatIfOptions(), new DiagnosticBag());
        var live = new LiveScenario(BuiltIn, scenario, null, CancellationToken.None);

        var order = VariantWalkOrder.For(BuiltIn.Rules).Of(resolved, live);

        // Outermost first. Measured per change: proposal 137 µs, positions 70 – 92, the demand 46 (seven justifications rest
        // on it), the commitment 30 (few elements accept an "interested" commitment), the observation 5 (none accepts it).
        string[] names = ["RU", "UA", "proposal", "commitment", "observation", "demand"];
        Assert.Equal(["proposal", "UA", "RU", "demand", "commitment", "observation"], order.Select(d => names[d]));
    }

    [Fact]
    public void OrderIsAPermutation_AndTheSameForTheSameInput()
    {
        var scenario = BuiltIn.LoadScenario(TestPaths.Repo("examples/scenarios/2026-01-06-paris-declaration.yaml"));
        var dimensions = VariationDimensions.Parse([], ["Commitment[us-backstop]"]);
        var resolved = BuiltIn.ResolveVariants(scenario, dimensions, new WhatIfOptions(), new DiagnosticBag());
        var live = new LiveScenario(BuiltIn, scenario, null, CancellationToken.None);

        var first = VariantWalkOrder.For(BuiltIn.Rules).Of(resolved, live);

        Assert.Equal([0], first);
        Assert.Equal(first, VariantWalkOrder.For(BuiltIn.Rules).Of(resolved, live));
    }
}

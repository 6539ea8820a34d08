using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Tests.Support;

/// <summary>The Paris E5 example's what-if dimensions that the benchmarks' row 14b varies.</summary>
internal static class ParisE5
{
    /// <summary>Six two-valued dimensions (64 variants): both stances, mutuality, a commitment's level, two facts present or not.</summary>
    public static IReadOnlyList<VariationDimension> SixDimensions() => VariationDimensions.Parse(
        [
            "Position[jeddah-ceasefire/RU].stance=accepted,pending",
            "Position[jeddah-ceasefire/UA].stance=accepted,conditional",
            "Proposal[jeddah-ceasefire].mutual=true,false",
            "Commitment[interest-fr].level=interested,political",
        ],
        ["Observation[healey-over-to-you]", "Demand[ru-demilitarisation]"]);
}

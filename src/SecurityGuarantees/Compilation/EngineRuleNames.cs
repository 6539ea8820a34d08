namespace SecurityGuarantees.Compilation;

/// <summary>The engine's own NRules rules are named with a <c>$</c> prefix, which author rule ids cannot start with.</summary>
internal static class EngineRuleNames
{
    public static bool IsEngineRule(string name) => name.StartsWith('$');
}

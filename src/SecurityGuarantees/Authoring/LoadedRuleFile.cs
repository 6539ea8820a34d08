using System.Runtime.CompilerServices;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// A rule file as the real loader reads it, before anything is bound: its rules and declarations, and the loader's
/// diagnostics. The declarations of every rule file are needed before any file's rules can be bound.
/// </summary>
internal sealed record LoadedRuleFile(string File, string Text, RuleSetSyntax? Syntax, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static LoadedRuleFile Load(string file, string text)
    {
        var diagnostics = new DiagnosticBag();
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            NativeAotShapes.Keep();
        }

        var syntax = RuleFileLoader.Load(file, text, diagnostics);
        return new LoadedRuleFile(file, text, syntax, diagnostics.Items);
    }
}

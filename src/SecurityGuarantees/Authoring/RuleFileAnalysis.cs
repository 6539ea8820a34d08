using System.Runtime.CompilerServices;
using SecurityGuarantees.Compilation;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Loading;
using SecurityGuarantees.Syntax;

namespace SecurityGuarantees.Authoring;

/// <summary>
/// One rule file as the engine loads it: the real loader and the real rule builder (binder included) run over the text,
/// against the fact types of the whole workspace (declared ones included), without the NRules compile that only
/// evaluation needs. Keeps the file's own diagnostics, its rules and the scope of
/// every expression and template.
/// </summary>
internal sealed class RuleFileAnalysis
{
    private RuleFileAnalysis(string file, string text, RuleSetSyntax? syntax, IReadOnlyList<Diagnostic> diagnostics, ExpressionScopeLog scopes,
        FactTypeRegistry types)
    {
        Types = types;
        File = file;
        Text = text;
        Syntax = syntax;
        Diagnostics = diagnostics;
        Scopes = scopes;
        Lines = new SourceLines(text);
    }

    public string File { get; }

    /// <summary>The fact types the rules were bound against.</summary>
    public FactTypeRegistry Types { get; }

    public string Text { get; }

    public SourceLines Lines { get; }

    /// <summary>The rules that loaded without structural errors (those the engine would bind), or null when the file could not be read.</summary>
    public RuleSetSyntax? Syntax { get; }

    public IReadOnlyList<RuleSyntax> Rules => Syntax?.Rules ?? [];

    /// <summary>The diagnostics of this file alone (duplicate rule ids across files are the workspace's to add).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public ExpressionScopeLog Scopes { get; }

    public static RuleFileAnalysis Analyze(string file, string text, FactTypeRegistry types) => Analyze(LoadedRuleFile.Load(file, text), types);

    /// <summary>Binds a loaded file's rules against <paramref name="types"/> (the workspace's, declared types included).</summary>
    public static RuleFileAnalysis Analyze(LoadedRuleFile loaded, FactTypeRegistry types)
    {
        var (file, text, syntax) = (loaded.File, loaded.Text, loaded.Syntax);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(loaded.Diagnostics);
        var scopes = new ExpressionScopeLog();
        if (syntax is not null)
        {
            var insertedTypes = new HashSet<FactTypeDescriptor>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in syntax.Rules)
            {
                // Duplicates within the file are reported by the workspace with those across files, as RuleSetCompiler does.
                if (!seen.Add(rule.Id))
                {
                    continue;
                }

                try
                {
                    RuleModelBuilder.Build(rule, file, types, diagnostics, insertedTypes, planner: null, scopes);
                }
                catch (NotSupportedException) when (!RuntimeFeature.IsDynamicCodeSupported)
                {
                    RuleSetCompiler.ReportNotSupportedNatively(rule, diagnostics);
                }
            }
        }

        return new RuleFileAnalysis(file, text, syntax, diagnostics.Items, scopes, types);
    }
}

using System.Text;
using SecurityGuarantees.Authoring;

namespace SecurityGuarantees.Server.Playground;

/// <summary>
/// The library's authoring service (the language server's) for the playground: a workspace of the server's rule files as
/// loaded, in which the playground's texts are opened as documents, so completion knows what the editor does — the
/// server's fact types and declared ones, fields, bindings, functions, enum values, condition ids and fact keys.
/// </summary>
internal sealed class PlaygroundAuthoring
{
    /// <summary>Where the playground's texts are opened when they do not take the place of a server rule file.</summary>
    public const string RulesDocument = "playground/rules.yaml";

    public const string ScenarioDocument = "playground/scenario.yaml";

    private readonly Lock _gate = new();
    private (string Hash, AuthoringWorkspace Workspace)? _base;

    /// <summary>Completion at a position of a playground text, against the server's current rules (and the edited rule file).</summary>
    public IReadOnlyList<AuthoringCompletion> Complete(ScenarioEngine server, string kind, string text, TextPosition position, string? rulesFile, string? rules)
    {
        // One request at a time: the workspace's analysis cache is shared by the snapshots made from it.
        lock (_gate)
        {
            var workspace = Base(server);
            string path;
            if (kind == "rules")
            {
                path = rulesFile is { Length: > 0 } && server.RuleFiles.Any(f => f.File == rulesFile) ? rulesFile : RulesDocument;
            }
            else
            {
                if (rulesFile is { Length: > 0 } && rules is not null)
                {
                    workspace = workspace.WithDocument(server.RuleFiles.Any(f => f.File == rulesFile) ? rulesFile : RulesDocument, rules);
                }

                path = ScenarioDocument;
            }

            return workspace.WithDocument(path, text).GetCompletions(path, position);
        }
    }

    /// <summary>The server's rule files as a workspace, made again when the rules were reloaded.</summary>
    private AuthoringWorkspace Base(ScenarioEngine server)
    {
        if (_base is { } current && current.Hash == server.RuleSetHash)
        {
            return current.Workspace;
        }

        var workspace = AuthoringWorkspace.Create(includeBuiltInRules: false);
        foreach (var file in server.RuleFiles)
        {
            workspace = workspace.WithRuleFile(file.File, file.Text);
        }

        _base = (server.RuleSetHash, workspace);
        return workspace;
    }

    /// <summary>The kind as the JSON names it: <c>fact-type</c>, <c>enum-value</c>, ...</summary>
    public static string KindName(AuthoringCompletionKind kind)
    {
        var name = kind.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }
}

using System.Security.Cryptography;
using System.Text;

namespace SecurityGuarantees.Server.Playground;

/// <summary>
/// Engines for the playground's edited rules: the server's rule files (as loaded: texts, never re-read) with the edited
/// file replacing the one of the same name. The last few are cached, so evaluating again after editing only the
/// scenario does not recompile.
/// </summary>
internal sealed class PlaygroundEngines(ServerOptions options)
{
    private const int Capacity = 4;
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, ScenarioEngine Engine)> _recent = new();

    /// <exception cref="Diagnostics.RuleLoadException">The edited rules have errors.</exception>
    public ScenarioEngine Get(ScenarioEngine server, string file, string text)
    {
        var key = server.RuleSetHash + "|" + file + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        lock (_gate)
        {
            if (_recent.FirstOrDefault(e => e.Key == key) is { Engine: not null } hit)
            {
                return hit.Engine;
            }
        }

        var builder = new ScenarioEngineBuilder();
        foreach (var source in server.RuleFiles.Where(f => f.File != file))
        {
            builder.AddRuleText(source.File, source.Text);
        }

        builder.AddRuleText(file, text);
        if (options.MaxFirings is { } limit)
        {
            builder.WithMaxFirings(limit);
        }

        var engine = builder.Build();
        lock (_gate)
        {
            _recent.AddFirst((key, engine));
            while (_recent.Count > Capacity)
            {
                _recent.RemoveLast();
            }
        }

        return engine;
    }
}

using System.Diagnostics;
using SecurityGuarantees.Authoring;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// Issue 16's target: one keystroke in an editor on the shipped rules — the edited text into the workspace
/// (<c>didChange</c>), its diagnostics (<c>publishDiagnostics</c>) and a completion inside a <c>where:</c> — as the
/// language server runs it. The edited file is the largest shipped rule file; the other three are workspace rule files.
/// </summary>
internal static class AuthoringKeystroke
{
    /// <summary>The median milliseconds of a keystroke after warm-up, wall-clock and on the CPU (the process's processor time, which a busy machine does not inflate).</summary>
    public static (double Elapsed, double Cpu) Measure(string rulesFolder, int keystrokes)
    {
        var files = Directory.GetFiles(rulesFolder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var edited = files.OrderByDescending(f => new FileInfo(f).Length).First();
        var workspace = AuthoringWorkspace.Create(includeBuiltInRules: false);
        foreach (var file in files.Where(f => f != edited))
        {
            workspace = workspace.WithRuleFile(file, File.ReadAllText(file));
        }

        var text = File.ReadAllText(edited);
        var where = text.IndexOf("where: ", StringComparison.Ordinal) + "where: ".Length;
        var line = text[..where].Count(c => c == '\n') + 1;
        var column = where - text.LastIndexOf('\n', where - 1);
        workspace = workspace.WithDocument(edited, text);
        Keystroke(workspace, edited, text, line, column, edited: false); // warm-up: the other files' analyses and the JIT

        var samples = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < keystrokes; i++)
        {
            // Type one character into the expression and delete it again, alternately: each text is new to the cache.
            var typed = i % 2 == 0 ? text.Insert(where, "x") : text.Insert(where, "y ");
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            workspace = Keystroke(workspace, edited, typed, line, column + 1, edited: true);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        samples.Sort();
        cpu.Sort();
        return (samples[samples.Count / 2], cpu[cpu.Count / 2]);
    }

    private static AuthoringWorkspace Keystroke(AuthoringWorkspace workspace, string path, string text, int line, int column, bool edited)
    {
        workspace = workspace.WithDocument(path, text);
        if ((workspace.GetDiagnostics(path).Count > 0) != edited)
        {
            throw new InvalidOperationException(edited ? "the edited expression should have a diagnostic" : "the shipped rule file should have none");
        }

        if (workspace.GetCompletions(path, new TextPosition(line, column)).Count == 0)
        {
            throw new InvalidOperationException("completion inside the where: expression found nothing");
        }

        return workspace;
    }
}

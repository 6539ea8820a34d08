using System.Text.RegularExpressions;
using SecurityGuarantees.Cli;
using SecurityGuarantees.Cli.Terminal;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Testing.TestingFixtures;

namespace SecurityGuarantees.Tests.Cli;

/// <summary>
/// Colour on a terminal (off when redirected, under NO_COLOR and with --no-color), never in JSON, Markdown or JUnit;
/// one severity casing; a progress display for long work; one clear error for an unknown command.
/// </summary>
public sealed partial class TerminalTests
{
    private static readonly TerminalSettings Terminal = new(OutputIsTerminal: true, ErrorIsTerminal: true, NoColor: false);
    private static readonly string Rules = TestPaths.Fixture("rules/ceasefire-pending.yaml");
    private static readonly string Jeddah = TestPaths.Fixture("scenarios/jeddah.yaml");

    [Fact]
    public void Evaluate_OnATerminal_ColoursTheSeverity_AndOtherwiseWritesTheSameText()
    {
        var plain = RunWith(TerminalSettings.Redirected, "evaluate", Jeddah, "--rules", Rules);
        var coloured = RunWith(Terminal, "evaluate", Jeddah, "--rules", Rules);

        Assert.DoesNotContain("\u001b", plain.Out, StringComparison.Ordinal);
        Assert.Contains("  \u001b[93mwarning\u001b[0m  ceasefire-pending (ceasefire-30d) [RU]\n", coloured.Out);
        Assert.Equal(plain.Out, Strip(coloured.Out));
    }

    [Fact]
    public void NoColorEnvironment_And_NoColorFlag_GivePlainTextOnATerminal()
    {
        var plain = RunWith(TerminalSettings.Redirected, "evaluate", Jeddah, "--rules", Rules);

        Assert.Equal(plain.Out, RunWith(Terminal with { NoColor = true }, "evaluate", Jeddah, "--rules", Rules).Out);
        Assert.Equal(plain.Out, RunWith(Terminal, "evaluate", Jeddah, "--rules", Rules, "--no-color").Out);
    }

    [Theory]
    [InlineData("evaluate", "json")]
    [InlineData("evaluate", "markdown")]
    [InlineData("test", "json")]
    [InlineData("test", "junit")]
    [InlineData("timeline", "json")]
    [InlineData("timeline", "markdown")]
    [InlineData("whatif", "json")]
    [InlineData("whatif", "markdown")]
    [InlineData("diff", "json")]
    [InlineData("diff", "markdown")]
    [InlineData("whatif", "text")]
    [InlineData("diff", "text")]
    public void MachineFormats_AreByteIdentical_OnATerminal_AndTextDiffersOnlyByColour(string command, string format)
    {
        string[] args = command switch
        {
            "test" => ["test", Path("failing"), "--rules", RuleFile, "--format", format],
            "timeline" => ["timeline", TestPaths.Fixture("timelines/basic.yaml"), "--rules", TestPaths.Fixture("timelines/rules.yaml"), "--format", format],
            "whatif" => ["whatif", TestPaths.Fixture("whatif/scenario.yaml"), "--rules", TestPaths.Fixture("whatif/rules.yaml"), "--format", format],
            "diff" => ["diff", TestPaths.Fixture("whatif"), "--rules", TestPaths.Fixture("whatif/rules-new"), "--base-rules", TestPaths.Fixture("whatif/rules.yaml"), "--format", format],
            _ => [command, Jeddah, "--rules", Rules, "--format", format],
        };

        var plain = RunWith(TerminalSettings.Redirected, args);
        var coloured = RunWith(Terminal, args);

        // Text may be coloured, and is otherwise the same; the machine formats are byte-identical.
        Assert.Equal(plain.Out, format == "text" ? Strip(coloured.Out) : coloured.Out);
        Assert.DoesNotContain("\u001b", format == "text" ? plain.Out : coloured.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_OnATerminal_ColoursOkFailAndTheSummary()
    {
        var plain = RunWith(TerminalSettings.Redirected, "test", Path("failing"), "--rules", RuleFile);
        var coloured = RunWith(Terminal, "test", Path("failing"), "--rules", RuleFile);

        Assert.Contains("\u001b[32mok\u001b[0m    jeddah-timeline-fail", coloured.Out);
        Assert.Contains("\u001b[1;91mFAIL\u001b[0m  jeddah-fail (", coloured.Out);
        Assert.EndsWith("\u001b[1;91m1 passed, 3 failed\u001b[0m\n", coloured.Out, StringComparison.Ordinal);
        Assert.Equal(plain.Out, Strip(coloured.Out));
    }

    [Fact]
    public void Diagnostics_OnATerminal_ColourTheirSeverity()
    {
        var coloured = RunWith(Terminal, "test", Path("broken"), "--rules", RuleFile);

        Assert.Contains(": \u001b[91merror\u001b[0m SG0102: unknown key 'absnt' in 'expect'", coloured.Error);
        Assert.Equal(RunWith(TerminalSettings.Redirected, "test", Path("broken"), "--rules", RuleFile).Error, Strip(coloured.Error));
    }

    [Theory]
    [InlineData("  critical ceasefire-breach (x)", "critical")]
    [InlineData("  warning  ceasefire-pending (x) [RU]", "warning")]
    [InlineData("  info     deployment-planning (x)", "info")]
    [InlineData("  + condition  warning  proposal-expired (easter-truce)", "warning")]
    [InlineData("f.yaml:3:4: error SG0102: unknown key", "error")]
    [InlineData("builtin:rules/a.yaml:3:4: info SG0702: condition", "info")]
    [InlineData("error: unknown command 'x'", "error")]
    [InlineData("  2. FAILED       fact: Proposal", "FAILED")]
    public void Highlighter_FindsTheWordToColour(string line, string word)
    {
        var span = HighlightingWriter.Find(line + "\n");

        Assert.NotNull(span);
        Assert.Equal(word, line.Substring(span.Value.Start, span.Value.Length));
    }

    [Theory]
    [InlineData("           Ukraine accepted; warning: Russia has not answered")]
    [InlineData("| warning | `ceasefire-pending` | ceasefire-30d | RU |")]
    [InlineData("{\"severity\":\"warning\"}")]
    [InlineData("      F/failing/x.yaml:24:20: expected condition ceasefire-pending to hold, but it does not")]
    public void Highlighter_LeavesOtherLinesAlone(string line) => Assert.Null(HighlightingWriter.Find(line + "\n"));

    [Fact]
    public void SeverityLabels_AreLowerCase_InEveryTextFormat()
    {
        var text = RunWith(TerminalSettings.Redirected, "evaluate", Jeddah, "--rules", Rules).Out;
        var markdown = RunWith(TerminalSettings.Redirected, "evaluate", Jeddah, "--rules", Rules, "--format", "markdown").Out;
        var timeline = RunWith(TerminalSettings.Redirected, "timeline", TestPaths.Fixture("timelines/basic.yaml"), "--rules", TestPaths.Fixture("timelines/rules.yaml")).Out;

        Assert.Contains("  warning  ceasefire-pending", text);
        Assert.Contains("| warning |", markdown);
        Assert.Contains("condition  warning  ", timeline);
        Assert.DoesNotMatch(UpperSeverity(), text + markdown + timeline);
    }

    [Fact]
    public void UnknownCommand_IsOneClearError_WithTheClosestCommand()
    {
        var (exitCode, output, error) = RunWith(TerminalSettings.Redirected, "evalute", "x.yaml");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        // The list grows with the commands; its start and the two lines do not.
        Assert.Matches(
            "^error: unknown command 'evalute' \\(did you mean 'evaluate'\\?\\); the commands are evaluate(, [a-z-]+)+\n"
            + "run 'security-guarantees --help' for usage\n$",
            error);
    }

    [Fact]
    public void UnknownCommand_AfterNoColor_IsTheSameOneError()
    {
        var (exitCode, _, error) = RunWith(TerminalSettings.Redirected, "--no-color", "tset");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: unknown command 'tset' (did you mean 'test'?); the commands are ", error, StringComparison.Ordinal);
        Assert.Equal(2, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void FromConsole_ReadsNoColor_SetAndNotEmpty()
    {
        var before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            Assert.True(TerminalSettings.FromConsole().NoColor);
            Environment.SetEnvironmentVariable("NO_COLOR", "");
            Assert.False(TerminalSettings.FromConsole().NoColor);
            Environment.SetEnvironmentVariable("NO_COLOR", null);
            Assert.False(TerminalSettings.FromConsole().NoColor);
            Assert.False((TerminalSettings.Redirected with { NoColor = false }).ColourOutput);
            Assert.False(new TerminalSettings(true, true, NoColor: true).ColourError);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }

    [Fact]
    public void NoCommand_IsOneClearError()
    {
        var (exitCode, _, error) = RunWith(TerminalSettings.Redirected);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: no command given; the commands are evaluate, ", error, StringComparison.Ordinal);
        Assert.Equal(2, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Progress_AppearsOnAStderrTerminal_ForWorkOverTheDelay_AndNeverWhenRedirected()
    {
        // The work outlasts the delay by waiting until the bar is on the terminal (at most 10 s): a fixed sleep could end
        // before a loaded machine had looked at the clock, and the work would then have been quick after all.
        static Func<IProgress<string>, int> Work(CliContext? shown) => progress =>
        {
            for (var i = 0; i < 5; i++)
            {
                Thread.Sleep(60);
                progress.Report($"file {i}");
            }

            if (shown is not null)
            {
                SpinWait.SpinUntil(() => shown.Error.ToString() is { Length: > 0 }, TimeSpan.FromSeconds(10));
            }

            return 42;
        };

        var onTerminal = new CliContext(new StringWriter(), new StringWriter()) { Terminal = Terminal };
        var redirected = new CliContext(new StringWriter(), new StringWriter());
        var quick = new CliContext(new StringWriter(), new StringWriter()) { Terminal = Terminal };

        Assert.Equal(42, ProgressDisplay.Run(onTerminal, "testing 5 scenario files", 5, Work(onTerminal), TimeSpan.FromMilliseconds(50)));
        Assert.Equal(42, ProgressDisplay.Run(redirected, "testing 5 scenario files", 5, Work(null), TimeSpan.FromMilliseconds(50)));
        Assert.Equal(7, ProgressDisplay.Run(quick, "testing 5 scenario files", 5, _ => 7, TimeSpan.FromSeconds(10)));

        var indeterminate = new CliContext(new StringWriter(), new StringWriter()) { Terminal = Terminal };
        Assert.Equal(9, ProgressDisplay.Run(indeterminate, "evaluating the variants", () =>
        {
            Thread.Sleep(300);
            SpinWait.SpinUntil(() => indeterminate.Error.ToString() is { Length: > 0 }, TimeSpan.FromSeconds(10));
            return 9;
        }, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("evaluating the variants", indeterminate.Error.ToString());
        Assert.Throws<InvalidOperationException>(() => ProgressDisplay.Run<int>(onTerminal, "failing", () => throw new InvalidOperationException("boom"), TimeSpan.Zero));

        Assert.Contains("testing 5 scenario files", onTerminal.Error.ToString());
        Assert.Equal("", redirected.Error.ToString());
        Assert.Equal("", quick.Error.ToString());
        Assert.Equal("", onTerminal.Out.ToString());
    }

    private static (int ExitCode, string Out, string Error) RunWith(TerminalSettings terminal, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr, terminal);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string Strip(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"\b(WARNING|CRITICAL|INFO)\b")]
    private static partial Regex UpperSeverity();
}

using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace SecurityGuarantees.Cli.Terminal;

/// <summary>
/// Colours the words people scan for in the text formats and diagnostics — severities, <c>ok</c>/<c>FAIL</c>, the
/// closing <c>N passed, N failed</c> — line by line, leaving every other character as the writers produced it. Used only
/// when the stream is a terminal and colour is wanted (<see cref="TerminalSettings"/>); JSON, Markdown and JUnit never
/// pass through it.
/// </summary>
internal sealed partial class HighlightingWriter : TextWriter
{
    private static readonly Style Critical = new(Color.Red, decoration: Decoration.Bold);
    private static readonly Style Error = new(Color.Red);
    private static readonly Style Warning = new(Color.Yellow);
    private static readonly Style Info = new(Color.Aqua);
    private static readonly Style Passed = new(Color.Green);
    private static readonly Style Failed = new(Color.Red, decoration: Decoration.Bold);

    private readonly TextWriter _inner;
    private readonly AnsiWriter _ansi;
    private readonly StringBuilder _line = new();

    public HighlightingWriter(TextWriter inner)
    {
        _inner = inner;
        _ansi = new AnsiWriter(inner, new AnsiCapabilities { Ansi = true, ColorSystem = ColorSystem.Standard, Links = false });
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            WriteHighlighted(_line.ToString());
            _line.Clear();
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            WriteHighlighted(_line.ToString());
            _line.Clear();
        }

        _inner.Flush();
    }

    /// <summary>The style of each span of a line worth colouring, or nothing.</summary>
    internal static (int Start, int Length, Style Style)? Find(string line)
    {
        if (TestOutcome().Match(line) is { Success: true } outcome)
        {
            return (0, outcome.Length, outcome.Value == "ok" ? Passed : Failed);
        }

        if (Summary().Match(line) is { Success: true } summary)
        {
            return (0, line.TrimEnd('\n').Length, summary.Groups["failed"].Value == "0" ? Passed : Failed);
        }

        if (ConditionSeverity().Match(line) is { Success: true } condition)
        {
            var group = condition.Groups["severity"];
            return (group.Index, group.Length, SeverityStyle(group.Value));
        }

        if (DiagnosticSeverity().Match(line) is { Success: true } diagnostic)
        {
            var group = diagnostic.Groups["severity"];
            return (group.Index, group.Length, SeverityStyle(group.Value));
        }

        if (ElementFailed().Match(line) is { Success: true } element)
        {
            var group = element.Groups["failed"];
            return (group.Index, group.Length, Failed);
        }

        return null;
    }

    private void WriteHighlighted(string line)
    {
        if (Find(line) is not { } span)
        {
            _inner.Write(line);
            return;
        }

        _inner.Write(line[..span.Start]);
        _ansi.Write(line.Substring(span.Start, span.Length), span.Style);
        _inner.Write(line[(span.Start + span.Length)..]);
    }

    private static Style SeverityStyle(string severity) => severity switch
    {
        "critical" => Critical,
        "error" => Error,
        "warning" => Warning,
        _ => Info,
    };

    // `ok    name (file)`, `FAIL  name (file)`, `ERROR name (file)`: the test command's result lines.
    [GeneratedRegex(@"^(ok|FAIL|ERROR)(?= )")]
    private static partial Regex TestOutcome();

    [GeneratedRegex(@"^\d+ passed, (?<failed>\d+) failed\n?$")]
    private static partial Regex Summary();

    // `  warning  id (subject)` (evaluate) and `  + condition  warning  id` (timeline).
    [GeneratedRegex(@"^ +(?:[-+~] +)?(?:condition +)?(?<severity>critical|warning|info)(?= )")]
    private static partial Regex ConditionSeverity();

    // `file:line:column: error SG0102: ...` and the CLI's own `error: ...`.
    [GeneratedRegex(@"^(?:\S.*?: )?(?<severity>error|warning|info)(?: SG\d{4})?:")]
    private static partial Regex DiagnosticSeverity();

    // why-not's element lines: `  2. FAILED       fact: ...`.
    [GeneratedRegex(@"^ +(?:\d+\.|-) (?<failed>FAILED)(?= )")]
    private static partial Regex ElementFailed();
}

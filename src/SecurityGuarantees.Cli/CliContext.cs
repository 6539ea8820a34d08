using SecurityGuarantees.Cli.Terminal;

namespace SecurityGuarantees.Cli;

/// <summary>The output streams of one CLI run: stdout carries only the requested format; diagnostics go to stderr.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>The input limits from the <c>--max-*</c> flags (<see cref="LimitOptions"/>).</summary>
    public InputLimits Limits { get; set; } = InputLimits.Default;

    private HighlightingWriter? _textOut;
    private HighlightingWriter? _errorOut;

    /// <summary>
    /// Whether the streams are terminals and colour is wanted. Set once by <see cref="CliApplication"/> after parsing
    /// (<c>--no-color</c> is known only then), before any command runs.
    /// </summary>
    public TerminalSettings Terminal { get; set; } = TerminalSettings.Redirected;

    /// <summary>stdout for the text format: coloured on a terminal, otherwise <see cref="Out"/> itself. Never for JSON, Markdown or XML.</summary>
    public TextWriter TextOut => Terminal.ColourOutput ? _textOut ??= new HighlightingWriter(Out) : Out;

    public void WriteError(string line) => (Terminal.ColourError ? _errorOut ??= new HighlightingWriter(Error) : Error).Write(line + "\n");

    /// <summary>Writes out what the colouring writers still hold (a last line without <c>\n</c>).</summary>
    public void Flush()
    {
        _textOut?.Flush();
        _errorOut?.Flush();
    }
}

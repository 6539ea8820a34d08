namespace SecurityGuarantees.Cli.Terminal;

/// <summary>
/// Whether stdout and stderr are terminals and whether colour is wanted, decided once per run. Colour and progress are
/// for people at a terminal only: redirected output, <c>NO_COLOR</c> (https://no-color.org) and <c>--no-color</c> get
/// plain text, byte for byte what the tests and scripts read.
/// </summary>
/// <param name="OutputIsTerminal">stdout is a terminal.</param>
/// <param name="ErrorIsTerminal">stderr is a terminal.</param>
/// <param name="NoColor">Colour was turned off (<c>NO_COLOR</c> set and not empty, or <c>--no-color</c>).</param>
internal sealed record TerminalSettings(bool OutputIsTerminal, bool ErrorIsTerminal, bool NoColor)
{
    /// <summary>Both streams redirected: no colour, no progress (what in-process runs and tests get).</summary>
    public static TerminalSettings Redirected { get; } = new(false, false, false);

    /// <summary>Colour on stdout's text formats.</summary>
    public bool ColourOutput => OutputIsTerminal && !NoColor;

    /// <summary>Colour on stderr's diagnostics.</summary>
    public bool ColourError => ErrorIsTerminal && !NoColor;

    /// <summary>A progress display (on stderr) for long work.</summary>
    public bool ShowProgress => ErrorIsTerminal;

    /// <summary>Reads the real console and the environment.</summary>
    public static TerminalSettings FromConsole() =>
        new(!Console.IsOutputRedirected, !Console.IsErrorRedirected, !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}

namespace SecurityGuarantees.Cli;

/// <summary>The output streams of one CLI run: stdout carries only the requested format; diagnostics go to stderr.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>The input limits from the <c>--max-*</c> flags (<see cref="LimitOptions"/>).</summary>
    public InputLimits Limits { get; set; } = InputLimits.Default;

    public void WriteError(string line) => Error.Write(line + "\n");
}

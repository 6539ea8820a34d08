namespace SecurityGuarantees.Cli;

/// <summary>The output streams of one CLI run: stdout carries only the requested format; diagnostics go to stderr.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    public void WriteError(string line) => Error.Write(line + "\n");
}

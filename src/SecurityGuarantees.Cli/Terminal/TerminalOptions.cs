using System.CommandLine;

namespace SecurityGuarantees.Cli.Terminal;

/// <summary>The options about the terminal, given to every command.</summary>
internal static class TerminalOptions
{
    /// <summary><c>--no-color</c>: plain text even on a terminal (as <c>NO_COLOR</c> does).</summary>
    public static Option<bool> NoColor() => new("--no-color")
    {
        Description = "No colour, even on a terminal (as the NO_COLOR environment variable does). Redirected output never has colour.",
        Recursive = true,
    };
}

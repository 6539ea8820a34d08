using SecurityGuarantees.Cli;

namespace SecurityGuarantees.Tests.Support;

/// <summary>Runs the CLI in process, as the tool's Main does, capturing stdout and stderr with '\n' line ends.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}

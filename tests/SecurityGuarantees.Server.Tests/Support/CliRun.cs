using System.Text;
using SecurityGuarantees.Cli;

namespace SecurityGuarantees.Server.Tests.Support;

/// <summary>Runs the real CLI in-process and returns what it printed on stdout, as the bytes it would write.</summary>
internal static class CliRun
{
    public static byte[] Stdout(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApplication.Run(args, stdout, stderr);
        // 1 is lint's "errors found" (its JSON is still the answer); 2 is a load error or a bad command line.
        Assert.True(exit is 0 or 1 && stdout.ToString().Length > 0, $"security-guarantees {string.Join(' ', args)} exited {exit}: {stderr}");
        return new UTF8Encoding(false).GetBytes(stdout.ToString());
    }

    public static string StdoutText(params string[] args) => Encoding.UTF8.GetString(Stdout(args));
}

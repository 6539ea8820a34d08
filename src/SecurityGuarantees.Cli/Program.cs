using System.Text;
using SecurityGuarantees.Cli;

var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n", AutoFlush = false };
using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { NewLine = "\n", AutoFlush = true };
var exitCode = CliApplication.Run(args, stdout, stderr, SecurityGuarantees.Cli.Terminal.TerminalSettings.FromConsole());
stdout.Flush();
return exitCode;

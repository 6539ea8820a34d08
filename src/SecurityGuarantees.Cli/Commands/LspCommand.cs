using System.CommandLine;
using SecurityGuarantees.Cli.LanguageServer;

namespace SecurityGuarantees.Cli.Commands;

/// <summary>
/// <c>lsp</c>: the language server for rule and scenario files, speaking the Language Server Protocol on stdin and
/// stdout (docs/editors.md). stdout carries protocol messages only; problems go to stderr.
/// </summary>
internal static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the default and only transport; accepted because editors pass it)." };
        var command = new Command("lsp", "Run the language server for rule and scenario files over stdio (diagnostics, completion, hover, definition, references, symbols).")
        {
            stdio,
        };
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        var server = new LspServer(new JsonRpcChannel(input, output), context.Error);
        return await server.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

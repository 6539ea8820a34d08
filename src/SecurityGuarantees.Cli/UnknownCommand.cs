using System.CommandLine;

namespace SecurityGuarantees.Cli;

/// <summary>
/// One clear error for a missing or misspelt command, instead of System.CommandLine's three ("Required command was not
/// provided", then every following token unrecognised).
/// </summary>
internal static class UnknownCommand
{
    /// <summary>Writes the error and returns <see langword="true"/> when the first token names no command.</summary>
    public static bool TryReport(RootCommand root, IReadOnlyList<string> args, CliContext context)
    {
        // The root's own options (--no-color, --help, --version) take no value, so the first other token is the command.
        var names = root.Subcommands.Select(c => c.Name).ToList();
        var first = args.FirstOrDefault(a => !a.StartsWith('-'));
        var rootOptionsOnly = first is null && args.Count > 0;
        if (rootOptionsOnly || (first is not null && names.Contains(first, StringComparer.Ordinal)))
        {
            return false;
        }

        var list = string.Join(", ", names);
        if (first is null)
        {
            context.WriteError($"error: no command given; the commands are {list}");
        }
        else
        {
            var closest = Closest(first, names);
            var hint = closest is null ? "" : $" (did you mean '{closest}'?)";
            context.WriteError($"error: unknown command '{first}'{hint}; the commands are {list}");
        }

        context.WriteError("run 'security-guarantees --help' for usage");
        return true;
    }

    private static string? Closest(string input, IEnumerable<string> names) =>
        names.Select(n => (Name: n, Distance: Distance(input.ToLowerInvariant(), n)))
            .Where(x => x.Distance <= Math.Max(2, x.Name.Length / 3))
            .OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

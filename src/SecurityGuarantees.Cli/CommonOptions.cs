using System.CommandLine;
using System.Globalization;

namespace SecurityGuarantees.Cli;

/// <summary>Options shared by several commands, defined once so names and help stay identical.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// The scenario folders used when a command is given none: the examples written in the built-in vocabulary
    /// (examples/ConsoleApp and examples/WorkerHost bring fact types of their own and are exercised by CI instead).
    /// </summary>
    public static IReadOnlyList<string> DefaultScenarioFolders { get; } = ["examples/scenarios", "examples/timelines"];

    /// <summary>The default scenario folders that exist in the current directory.</summary>
    public static string[] ExistingDefaultScenarioFolders() => [.. DefaultScenarioFolders.Where(Directory.Exists)];

    public static Option<string[]> Rules() => new("--rules")
    {
        Description = "A rule file or folder (repeatable); 'builtin' names the built-in rule set. Default: the built-in rule set.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> Format(string defaultFormat, params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => defaultFormat,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<DateOnly?> AsOf() => new("--as-of")
    {
        Description = "Evaluate as of this date (yyyy-mm-dd) instead of the scenario's asOf.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"--as-of must be a date written yyyy-mm-dd, not '{text}'");
            return null;
        },
    };

    public static Option<int?> MaxFirings() => new("--max-firings")
    {
        Description = "Stop with an error after this many rule firings (default 10000, or 4 per scenario fact when that is more).",
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int?>() is <= 0)
                {
                    result.AddError("--max-firings must be a positive number");
                }
            },
        },
    };

    public static Option<bool> Trace() => new("--trace")
    {
        Description = "Also report every author-rule activation in firing order (fired, refired, retracted), with the facts it matched.",
    };
}

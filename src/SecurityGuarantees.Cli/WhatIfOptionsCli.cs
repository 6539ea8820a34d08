using System.CommandLine;
using System.CommandLine.Parsing;
using SecurityGuarantees.WhatIf;

namespace SecurityGuarantees.Cli;

/// <summary>The what-if flags of why-not (<c>--suggest</c>) and explain (<c>--what-stops</c>), defined once.</summary>
internal static class WhatIfOptionsCli
{
    public static Option<bool> Suggest() => new("--suggest")
    {
        Description = "Also list the smallest sets of changes to the scenario's facts that make it hold (each verified by evaluating the changed scenario).",
    };

    public static Option<bool> WhatStops() => new("--what-stops")
    {
        Description = "List the smallest sets of fact removals or field changes after which the condition no longer holds (from its justifications, verified).",
    };

    public static Option<int?> MaxChanges() => new("--max-changes")
    {
        Description = $"With --suggest or --what-stops: at most this many changes per set (default {WhatIfOptions.DefaultMaxChanges}).",
    };

    /// <summary>--max-changes only goes with the flag and is 1 to 5 (--format json is the plain report without it: docs/server.md).</summary>
    public static void Check(CommandResult result, Option<string> format, Option<bool> flag, Option<int?> maxChanges, string flagName)
    {
        var on = result.GetValue(flag);
        if (result.GetValue(maxChanges) is { } max && (max < 1 || max > 5))
        {
            result.AddError("--max-changes must be between 1 and 5");
        }

        if (!on && result.GetValue(maxChanges) is not null)
        {
            result.AddError($"--max-changes goes with {flagName}");
        }

    }

    public static WhatIfOptions From(int? maxChanges) => new() { MaxChanges = maxChanges ?? WhatIfOptions.DefaultMaxChanges };
}

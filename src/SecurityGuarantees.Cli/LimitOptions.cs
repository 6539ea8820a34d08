using System.CommandLine;

namespace SecurityGuarantees.Cli;

/// <summary>
/// The input limits as flags every command takes (<c>--max-file-bytes</c>, <c>--max-facts</c>, <c>--max-rules</c>,
/// <c>--max-expression-length</c>, <c>--max-expression-depth</c>); defaults and meaning in docs/reliability.md.
/// </summary>
internal sealed class LimitOptions
{
    private readonly Option<long?> _fileBytes = Positive<long>("--max-file-bytes", "The largest rule or scenario file, in bytes (default 33554432, 32 MiB).");
    private readonly Option<int?> _facts = Positive<int>("--max-facts", "The most facts one scenario may hold (default 250000).");
    private readonly Option<int?> _rules = Positive<int>("--max-rules", "The most rules one run may load (default 10000).");
    private readonly Option<int?> _expressionLength = Positive<int>("--max-expression-length", "The longest expression, in characters (default 4096).");
    private readonly Option<int?> _expressionDepth = Positive<int>("--max-expression-depth",
        $"The deepest expression nesting (default 64, at most {InputLimits.ExpressionDepthCeiling}).", InputLimits.ExpressionDepthCeiling);

    /// <summary>Adds the flags to <paramref name="root"/> for it and every subcommand.</summary>
    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { _fileBytes, _facts, _rules, _expressionLength, _expressionDepth })
        {
            option.Recursive = true;
            root.Options.Add(option);
        }
    }

    public InputLimits Read(ParseResult parse)
    {
        var defaults = InputLimits.Default;
        return defaults with
        {
            MaxFileBytes = parse.GetValue(_fileBytes) ?? defaults.MaxFileBytes,
            MaxFacts = parse.GetValue(_facts) ?? defaults.MaxFacts,
            MaxRules = parse.GetValue(_rules) ?? defaults.MaxRules,
            MaxExpressionLength = parse.GetValue(_expressionLength) ?? defaults.MaxExpressionLength,
            MaxExpressionDepth = parse.GetValue(_expressionDepth) ?? defaults.MaxExpressionDepth,
        };
    }

    private static Option<T?> Positive<T>(string name, string description, long ceiling = long.MaxValue)
        where T : struct, IComparable<T>, IConvertible => new(name)
    {
        Description = description,
        Validators =
        {
            result =>
            {
                var value = result.GetValueOrDefault<T?>();
                if (value is { } v && (v.ToInt64(System.Globalization.CultureInfo.InvariantCulture) <= 0 || v.ToInt64(System.Globalization.CultureInfo.InvariantCulture) > ceiling))
                {
                    result.AddError(ceiling == long.MaxValue ? $"{name} must be a positive number" : $"{name} must be between 1 and {ceiling}");
                }
            },
        },
    };
}

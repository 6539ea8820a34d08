namespace SecurityGuarantees.WhatIf;

/// <summary>Bounds on what-if searches; the defaults suit the built-in rules and scenarios.</summary>
public sealed record WhatIfOptions
{
    /// <summary>The default cap on variant combinations.</summary>
    public const int DefaultMaxVariants = 4096;

    /// <summary>The default number of changes a suggestion may make.</summary>
    public const int DefaultMaxChanges = 3;

    /// <summary>At most this many combinations of variant dimensions (default 4,096); more is an error (SG0805).</summary>
    public int MaxVariants { get; init; } = DefaultMaxVariants;

    /// <summary>Suggestions and what-stops sets make at most this many changes (default 3).</summary>
    public int MaxChanges { get; init; } = DefaultMaxChanges;

    /// <summary>At most this many suggestion sets are returned (default 10), smallest first.</summary>
    public int MaxSuggestions { get; init; } = 10;

    /// <summary>A search stops, marked incomplete, after this many candidate evaluations (default 50,000).</summary>
    public int MaxEvaluations { get; init; } = 50_000;
}

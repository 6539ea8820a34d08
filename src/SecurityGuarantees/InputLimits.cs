using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees;

/// <summary>
/// Bounds on what a rule or scenario may hold, so hostile or runaway input is refused with a diagnostic instead of
/// exhausting memory, time or the stack. Every bound is checked before the work it protects (the size before parsing).
/// The defaults are in <c>docs/reliability.md</c>; set them with <see cref="ScenarioEngineBuilder.WithLimits"/>, the
/// DI options' <c>Limits</c> or the CLI's <c>--max-*</c> flags. The firing limit is set apart
/// (<see cref="ScenarioEngineBuilder.WithMaxFirings"/>).
/// </summary>
public sealed record InputLimits
{
    /// <summary>The highest <see cref="MaxExpressionDepth"/> that may be set: nesting is parsed and bound recursively, on the stack.</summary>
    public const int ExpressionDepthCeiling = 256;

    private readonly long _maxFileBytes = 32L * 1024 * 1024;
    private readonly int _maxFacts = 250_000;
    private readonly int _maxRules = 10_000;
    private readonly int _maxExpressionLength = 4_096;
    private readonly int _maxExpressionDepth = 64;

    /// <summary>The defaults.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>
    /// The largest rule or scenario file, or text given to <c>AddRuleText</c>/<c>ParseScenario</c>/<c>ParseTimeline</c>,
    /// in UTF-8 bytes (SG0002). Default 32 MiB (33,554,432 bytes).
    /// </summary>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init => _maxFileBytes = Positive(value);
    }

    /// <summary>The most facts one scenario (with its timeline's insertions) may hold (SG0002). Default 250,000.</summary>
    public int MaxFacts
    {
        get => _maxFacts;
        init => _maxFacts = (int)Positive(value);
    }

    /// <summary>The most rules one engine may load, over all its rule files (SG0002). Default 10,000.</summary>
    public int MaxRules
    {
        get => _maxRules;
        init => _maxRules = (int)Positive(value);
    }

    /// <summary>The longest expression (<c>where</c>, <c>each</c>, <c>having</c>, a template hole), in characters (SG0207). Default 4,096.</summary>
    public int MaxExpressionLength
    {
        get => _maxExpressionLength;
        init => _maxExpressionLength = (int)Positive(value);
    }

    /// <summary>
    /// The deepest nesting of parentheses, brackets and <c>!</c>/<c>not</c> in an expression (SG0207). Default 64; at
    /// most <see cref="ExpressionDepthCeiling"/>.
    /// </summary>
    public int MaxExpressionDepth
    {
        get => _maxExpressionDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, ExpressionDepthCeiling);
            _maxExpressionDepth = (int)Positive(value);
        }
    }

    internal LoadLimits Load => new(MaxFileBytes, MaxFacts);

    private static long Positive(long value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}

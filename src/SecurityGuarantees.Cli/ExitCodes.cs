namespace SecurityGuarantees.Cli;

/// <summary>The exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>An expectation failed, lint found errors, or evaluation failed (firing limit, runtime fault).</summary>
    public const int Failed = 1;

    /// <summary>Load errors or a bad command line.</summary>
    public const int LoadError = 2;
}

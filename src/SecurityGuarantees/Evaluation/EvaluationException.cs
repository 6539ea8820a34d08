namespace SecurityGuarantees.Evaluation;

/// <summary>
/// Evaluation failed: the firing limit was reached (a rule set that loops), an expression faulted at run time
/// (e.g. division by zero), or a rule inserted a fact that clashes with the scenario.
/// </summary>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The diagnostic code, e.g. <c>SG0501</c>.</param>
    /// <param name="message">What went wrong, in the author's terms.</param>
    /// <param name="rules">The rules involved, sorted.</param>
    /// <param name="innerException">The underlying fault, if any.</param>
    public EvaluationException(string code, string message, IReadOnlyList<string> rules, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Rules = rules;
    }

    /// <summary>The stable diagnostic code (<c>SG05xx</c>).</summary>
    public string Code { get; }

    /// <summary>The ids of the rules involved, sorted ordinally; empty when unknown.</summary>
    public IReadOnlyList<string> Rules { get; }
}

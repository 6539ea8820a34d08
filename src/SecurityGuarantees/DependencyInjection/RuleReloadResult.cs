using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.DependencyInjection;

/// <summary>One hot-reload attempt: when, whether the new rules replaced the old ones, and what the load reported.</summary>
/// <param name="AttemptedAt">When the reload started, from the registered <see cref="TimeProvider"/>.</param>
/// <param name="Succeeded">
/// <see langword="true"/>: evaluations started after the reload use the new rules. <see langword="false"/>: the
/// previous engine is kept and every diagnostic was logged.
/// </param>
/// <param name="Diagnostics">Every diagnostic of the load (sorted by file, line and column): the errors of a failed reload, the warnings of a successful one.</param>
/// <param name="RuleCount">How many rules the engine in use after the attempt has.</param>
/// <param name="Error">The message of an unexpected failure that is not a rule diagnostic (logged with its exception), or <see langword="null"/>.</param>
public sealed record RuleReloadResult(DateTimeOffset AttemptedAt, bool Succeeded, IReadOnlyList<Diagnostic> Diagnostics, int RuleCount, string? Error = null);

namespace SecurityGuarantees.Authoring;

/// <summary>What hovering shows: Markdown text about the thing under the cursor.</summary>
/// <param name="Markdown">The text, in Markdown.</param>
/// <param name="Range">The span of the word it is about.</param>
public sealed record AuthoringHover(string Markdown, TextRange Range);

/// <summary>A place in a file: a definition or a reference.</summary>
/// <param name="File">The file, as the workspace names it (a path, or <c>builtin:rules/...</c> for the built-in rules).</param>
/// <param name="Range">The span in that file.</param>
public sealed record AuthoringLocation(string File, TextRange Range);

namespace SecurityGuarantees;

/// <summary>One rule file as the engine loaded it: its name (path, or resource name of a built-in file) and its text.</summary>
/// <param name="File">The path as given (or found under a folder), the name given to rule text, or the built-in file's resource name.</param>
/// <param name="Text">The file's content as loaded.</param>
public sealed record RuleFileText(string File, string Text);

using SecurityGuarantees.Authoring;

namespace SecurityGuarantees.Tests.Authoring;

/// <summary>The authoring fixtures, and positions in their text found by what precedes them.</summary>
internal static class AuthoringFixture
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "authoring", "answers.yaml");

    public static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "authoring", "scenario.yaml");

    public static string RuleText => File.ReadAllText(RulesPath);

    public static string ScenarioText => File.ReadAllText(ScenarioPath);

    /// <summary>The position just after the first occurrence of <paramref name="marker"/> (1-based line and column).</summary>
    public static TextPosition After(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the text");
        var end = index + marker.Length;
        var line = text[..end].Count(c => c == '\n') + 1;
        var column = end - (text.LastIndexOf('\n', end - 1) + 1) + 1;
        return new TextPosition(line, column);
    }

    /// <summary>
    /// The text with the first occurrence of <paramref name="from"/> replaced, and the cursor: where '‸' stands in
    /// <paramref name="to"/> (it is removed), or just after the replacement.
    /// </summary>
    public static (string Text, TextPosition Position) Edit(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{from}' is not in the text");
        var caret = to.IndexOf('‸', StringComparison.Ordinal);
        var replacement = to.Replace("‸", "", StringComparison.Ordinal);
        var edited = text[..index] + replacement + text[(index + from.Length)..];
        var before = edited[..(index + (caret < 0 ? replacement.Length : caret))];
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return (edited, new TextPosition(line, column));
    }

    public static IReadOnlyList<string> Labels(IEnumerable<AuthoringCompletion> items) => [.. items.Select(i => i.Label)];
}

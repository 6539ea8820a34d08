using SecurityGuarantees.Authoring;
using SecurityGuarantees.Diagnostics;

namespace SecurityGuarantees.Cli.LanguageServer;

/// <summary>
/// Lint notes computed for an earlier text, carried to the current one while the new ones are computed: a note on a
/// line before the edited lines stays, one after them moves with them, one inside them goes. Without this every
/// keystroke would hide the notes until typing stops.
/// </summary>
internal static class LintNoteCarrier
{
    public static IReadOnlyList<AuthoringDiagnostic> Carry(string earlier, string current, IReadOnlyList<AuthoringDiagnostic> notes)
    {
        if (notes.Count == 0)
        {
            return notes;
        }

        var before = earlier.Split('\n');
        var after = current.Split('\n');
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        var shift = after.Length - before.Length;
        var carried = new List<AuthoringDiagnostic>();
        foreach (var note in notes)
        {
            var (start, end) = (note.Range.Start.Line, note.Range.End.Line);
            if (end <= prefix)
            {
                carried.Add(note);
            }
            else if (start > before.Length - suffix)
            {
                var location = note.Diagnostic.Location;
                carried.Add(new AuthoringDiagnostic(
                    note.Diagnostic with { Location = new SourceLocation(location.File, location.Line + shift, location.Column) },
                    new TextRange(note.Range.Start with { Line = start + shift }, note.Range.End with { Line = end + shift })));
            }
        }

        return carried;
    }
}

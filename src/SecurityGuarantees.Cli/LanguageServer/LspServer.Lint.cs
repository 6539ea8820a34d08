using SecurityGuarantees.Authoring;

namespace SecurityGuarantees.Cli.LanguageServer;

// Lint notes: computed on a snapshot off the request loop (they need the rule set compiled), published merged.
internal sealed partial class LspServer
{
    /// <summary>How long typing must pause before the lint notes are computed again.</summary>
    public static readonly TimeSpan LintAfterTyping = TimeSpan.FromMilliseconds(500);

    /// <summary>The lint notes last computed for each open rule document, with the text they were computed for.</summary>
    private readonly Dictionary<string, (string Text, IReadOnlyList<AuthoringDiagnostic> Notes)> _lintNotes = new(StringComparer.Ordinal);
    private CancellationTokenSource? _pendingLint;

    /// <summary>
    /// Computes the lint notes of every open rule document after <paramref name="delay"/>, on a snapshot, off the request
    /// loop; a later call cancels an earlier one. Documents whose notes changed are published again.
    /// </summary>
    private void ScheduleLint(TimeSpan delay)
    {
        CancelLint();
        var pending = new CancellationTokenSource();
        _pendingLint = pending;
        var token = pending.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, token).ConfigureAwait(false);
                AuthoringWorkspace snapshot;
                lock (_gate)
                {
                    snapshot = _workspace!;
                }

                var notes = snapshot.Documents.Where(p => snapshot.GetDocumentKind(p) == AuthoringDocumentKind.Rules)
                    .Select(p => (Path: p, Text: snapshot.GetText(p)!, Notes: snapshot.GetLintDiagnostics(p))).ToList();
                lock (_gate)
                {
                    if (token.IsCancellationRequested)
                    {
                        return;
                    }

                    foreach (var (path, text, found) in notes)
                    {
                        if (text != _workspace!.GetText(path))
                        {
                            continue; // edited meanwhile: a later run computes its notes
                        }

                        var shown = CurrentLintNotes(path);
                        _lintNotes[path] = (text, found);
                        if (!shown.SequenceEqual(found))
                        {
                            PublishDiagnostics(LspConvert.ToUri(path));
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Superseded by a later edit.
            }
            catch (Exception e)
            {
                log.Write($"error: lsp: lint failed: {e.Message}\n");
            }
        }, CancellationToken.None);
    }

    /// <summary>The lint notes shown for a document now: computed for its text, or carried from an earlier one.</summary>
    private IReadOnlyList<AuthoringDiagnostic> CurrentLintNotes(string path)
    {
        if (!_lintNotes.TryGetValue(path, out var lint) || _workspace!.GetText(path) is not { } text)
        {
            return [];
        }

        return lint.Text == text ? lint.Notes : LintNoteCarrier.Carry(lint.Text, text, lint.Notes);
    }

    private void CancelLint()
    {
        // Not disposed: the lint task may still be reading its token.
        _pendingLint?.Cancel();
        _pendingLint = null;
    }
}

using System.Globalization;
using System.Text;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Loading;

/// <summary>
/// Reads a rule or scenario file as UTF-8 text, refusing missing and oversized files with a diagnostic on the path
/// itself (no line and column); text given directly is held to the same size limit, before anything parses it.
/// </summary>
internal static class SourceFileReader
{
    public static bool TryRead(string path, LoadLimits limits, DiagnosticBag diagnostics, out string text)
    {
        text = "";
        var at = new SourceLocation(path, 0, 0);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Error(DiagnosticCodes.FileNotFound, at, "file not found", "check the path");
                return false;
            }

            if (info.Length > limits.MaxFileBytes)
            {
                ReportTooLarge(at, "file", info.Length, limits, diagnostics);
                return false;
            }

            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, at, $"cannot read the file: {e.Message}",
                e is DecoderFallbackException ? "save the file as UTF-8" : "check the path and permissions");
            return false;
        }
    }

    /// <summary>Whether text given directly (not read from a file) is within the size limit; reports it otherwise.</summary>
    public static bool CheckText(string sourceName, string text, LoadLimits limits, DiagnosticBag diagnostics)
    {
        // Each char is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2): counting is only needed near the limit.
        if ((long)text.Length * 3 <= limits.MaxFileBytes)
        {
            return true;
        }

        long bytes = Encoding.UTF8.GetByteCount(text);  // fast (vectorised): tens of milliseconds for 100 MB
        if (bytes <= limits.MaxFileBytes)
        {
            return true;
        }

        ReportTooLarge(new SourceLocation(sourceName, 0, 0), "text", bytes, limits, diagnostics);
        return false;
    }

    private static void ReportTooLarge(SourceLocation at, string what, long bytes, LoadLimits limits, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCodes.FileTooLarge, at,
            string.Create(CultureInfo.InvariantCulture, $"the {what} is {bytes:N0} bytes; the limit is {limits.MaxFileBytes:N0} bytes"),
            "split it into smaller files, or raise the size limit (InputLimits.MaxFileBytes, --max-file-bytes)");
}

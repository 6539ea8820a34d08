using System.Text;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Scenarios;

namespace SecurityGuarantees.Loading;

/// <summary>Reads a rule or scenario file as UTF-8 text, refusing missing and oversized files with a diagnostic.</summary>
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
                diagnostics.Error(DiagnosticCodes.FileNotFound, at, $"file not found: '{path}'", "check the path");
                return false;
            }

            if (info.Length > limits.MaxFileBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, at, $"the file is {info.Length:N0} bytes; the limit is {limits.MaxFileBytes:N0}",
                    "split it into smaller files");
                return false;
            }

            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, at, $"cannot read '{path}': {e.Message}",
                e is DecoderFallbackException ? "save the file as UTF-8" : "check the path and permissions");
            return false;
        }
    }
}

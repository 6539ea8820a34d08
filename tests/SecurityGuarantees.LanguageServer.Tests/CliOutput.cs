using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SecurityGuarantees.LanguageServer.Tests;

/// <summary>What the command line prints, to compare the editor's diagnostics with.</summary>
internal static class CliOutput
{
    /// <summary>
    /// The diagnostic lines (stderr) of <c>security-guarantees lint</c> with <paramref name="arguments"/>, run in
    /// <paramref name="workingDirectory"/>, that name <paramref name="file"/>.
    /// </summary>
    public static IReadOnlyList<string> LintLines(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "security-guarantees.dll"));
        start.ArgumentList.Add("lint");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return [.. error.Split('\n').Where(l => l.StartsWith(file + ":", StringComparison.Ordinal))];
    }

    /// <summary>A published diagnostic as the command line prints it: <c>file:line:column: severity code: message (hint: ...)</c>.</summary>
    public static string Line(string file, JsonNode diagnostic)
    {
        var start = diagnostic["range"]!["start"]!;
        var severity = diagnostic["severity"]!.GetValue<int>() switch
        {
            1 => "error",
            2 => "warning",
            _ => "info",
        };
        return $"{file}:{start["line"]!.GetValue<int>() + 1}:{start["character"]!.GetValue<int>() + 1}: {severity} {diagnostic["code"]!.GetValue<string>()}: {diagnostic["message"]!.GetValue<string>()}";
    }

    public static IReadOnlyList<string> Lines(string file, JsonObject published) =>
        [.. published["diagnostics"]!.AsArray().Select(d => Line(file, d!))];
}

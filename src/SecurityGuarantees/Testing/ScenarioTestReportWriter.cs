using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using SecurityGuarantees.Diagnostics;
using SecurityGuarantees.Expectations;
using SecurityGuarantees.Facts;
using SecurityGuarantees.Reporting;

namespace SecurityGuarantees.Testing;

/// <summary>
/// Writes a <see cref="ScenarioTestRun"/> in the test command's three formats: text for people, JSON (deterministic)
/// and JUnit XML for CI systems. Output uses <c>\n</c> line ends and contains no timings.
/// </summary>
public static class ScenarioTestReportWriter
{
    /// <summary>
    /// One line per test (<c>ok</c>, <c>FAIL</c>, <c>ERROR</c>), each failure compiler-style below its test, the
    /// coverage, and the closing line <c>N passed, N failed</c>.
    /// </summary>
    /// <param name="run">The test run.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteText(ScenarioTestRun run, TextWriter output) => WriteText(run, output, includeCoverage: true);

    /// <summary>
    /// As <see cref="WriteText(ScenarioTestRun, TextWriter)"/>, with the coverage summary only when asked for: an author
    /// testing one file wants its result, not a list of every rule that file does not exercise.
    /// </summary>
    /// <param name="run">The test run.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="includeCoverage">Whether to write the coverage summary (rules no test fired, conditions no test expects).</param>
    public static void WriteText(ScenarioTestRun run, TextWriter output, bool includeCoverage)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder();
        foreach (var result in run.Results)
        {
            var label = result.Outcome switch
            {
                ScenarioTestOutcome.Passed => "ok   ",
                ScenarioTestOutcome.NoExpectations => "ok   ",
                ScenarioTestOutcome.Failed => "FAIL ",
                _ => "ERROR",
            };
            text.Append(label).Append(' ').Append(result.TestCase.Name).Append(" (").Append(result.TestCase.File).Append(')');
            if (result.Outcome == ScenarioTestOutcome.NoExpectations)
            {
                text.Append(": no expectations, evaluated only");
            }

            text.Append('\n');
            foreach (var line in result.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append("      ").Append(line).Append('\n');
            }
        }

        var errorFiles = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.File).Distinct(StringComparer.Ordinal).Count();
        if (errorFiles > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{errorFiles} file(s) could not be loaded and were not tested (see the errors above)\n");
        }

        if (includeCoverage)
        {
            text.Append('\n').Append("coverage\n");
            AppendList(text, "rules no scenario fired", run.Coverage.RulesNeverFired);
            AppendList(text, "conditions no scenario expects", run.Coverage.ConditionsNeverExpected);
        }
        else
        {
            text.Append('\n');
        }

        if (run.WithoutExpectations > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{run.WithoutExpectations} of the passed test(s) have no expectations\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{run.Passed} passed, {run.Failed} failed\n");
        output.Write(text.ToString());
    }

    /// <summary>
    /// One JSON object (no trailing newline) with <c>tests</c>, <c>diagnostics</c>, <c>coverage</c> and
    /// <c>summary</c>, properties in a fixed order and no timings: byte-identical on re-run.
    /// </summary>
    /// <param name="run">The test run.</param>
    public static string ToJson(ScenarioTestRun run) => JsonReportWriter.Render(json =>
    {
        ArgumentNullException.ThrowIfNull(run);
        json.WriteStartObject();
        json.WriteStartArray("tests");
        foreach (var result in run.Results)
        {
            json.WriteStartObject();
            json.WriteString("name", result.TestCase.Name);
            json.WriteString("file", result.TestCase.File);
            json.WriteString("scenario", result.TestCase.Scenario);
            if (result.TestCase.Step is { } step)
            {
                json.WriteNumber("step", step);
            }
            else
            {
                json.WriteNull("step");
            }

            if (result.Result is { } evaluated)
            {
                json.WriteString("asOf", FactValueFormatter.Format(evaluated.AsOf));
            }
            else
            {
                json.WriteNull("asOf");
            }

            json.WriteString("outcome", Kebab(result.Outcome.ToString()));
            json.WriteStartArray("failures");
            foreach (var failure in result.Failures)
            {
                json.WriteStartObject();
                json.WriteString("kind", Kebab(failure.Kind.ToString()));
                json.WriteString("location", failure.Location.ToString());
                json.WriteString("expected", failure.Expected);
                json.WriteString("message", failure.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (result.Error is not null)
            {
                json.WriteString("error", result.Error);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in run.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("file", diagnostic.Location.File);
            json.WriteNumber("line", diagnostic.Location.Line);
            json.WriteNumber("column", diagnostic.Location.Column);
            json.WriteString("severity", Kebab(diagnostic.Severity.ToString()));
            json.WriteString("code", diagnostic.Code);
            json.WriteString("message", diagnostic.Message);
            if (diagnostic.Hint is not null)
            {
                json.WriteString("hint", diagnostic.Hint);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("coverage");
        WriteStrings(json, "rulesNeverFired", run.Coverage.RulesNeverFired);
        WriteStrings(json, "conditionsNeverExpected", run.Coverage.ConditionsNeverExpected);
        json.WriteEndObject();
        json.WriteStartObject("summary");
        json.WriteNumber("passed", run.Passed);
        json.WriteNumber("failed", run.Failed);
        json.WriteNumber("noExpectations", run.WithoutExpectations);
        json.WriteNumber("loadErrors", run.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>
    /// JUnit XML: <c>testsuites</c> with one <c>testsuite</c> per file (a <c>testcase</c> per test, <c>failure</c> for
    /// failed expectations, <c>error</c> for evaluation errors; a file with load errors has one <c>testcase</c> named
    /// <c>load</c> with an <c>error</c>), and a last <c>testsuite</c> named <c>coverage</c> whose <c>properties</c>
    /// list the rules never fired and the conditions never expected. No timings, so the output is deterministic.
    /// </summary>
    /// <param name="run">The test run.</param>
    /// <returns>The XML document (UTF-8 declaration), ending with <c>\n</c>.</returns>
    public static string ToJUnit(ScenarioTestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var loadErrors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.Location.File, StringComparer.Ordinal).ToList();
        var suites = run.Results.GroupBy(r => r.TestCase.File, StringComparer.Ordinal)
            .Select(g => (File: g.Key, Results: g.ToList(), Errors: (IReadOnlyList<Diagnostic>)[]))
            .Concat(loadErrors.Select(g => (File: g.Key, Results: new List<ScenarioTestResult>(), Errors: (IReadOnlyList<Diagnostic>)[.. g])))
            .OrderBy(s => s.File, StringComparer.Ordinal)
            .ToList();
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "security-guarantees test");
            WriteCounts(xml, run.Results.Count + loadErrors.Count, run.Results.Count(r => r.Outcome == ScenarioTestOutcome.Failed),
                run.Results.Count(r => r.Outcome == ScenarioTestOutcome.Error) + loadErrors.Count);
            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.File);
                WriteCounts(xml, suite.Results.Count + (suite.Errors.Count > 0 ? 1 : 0), suite.Results.Count(r => r.Outcome == ScenarioTestOutcome.Failed),
                    suite.Results.Count(r => r.Outcome == ScenarioTestOutcome.Error) + (suite.Errors.Count > 0 ? 1 : 0));
                foreach (var result in suite.Results)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", result.TestCase.Name);
                    xml.WriteAttributeString("classname", suite.File);
                    switch (result.Outcome)
                    {
                        case ScenarioTestOutcome.Failed:
                            xml.WriteStartElement("failure");
                            xml.WriteAttributeString("message", $"{result.Failures.Count} expectation(s) failed: {result.Failures[0].Message.Split('\n')[0]}");
                            xml.WriteAttributeString("type", "expectation");
                            xml.WriteString(result.Describe());
                            xml.WriteEndElement();
                            break;
                        case ScenarioTestOutcome.Error:
                            xml.WriteStartElement("error");
                            xml.WriteAttributeString("message", result.Error ?? "evaluation failed");
                            xml.WriteAttributeString("type", "evaluation");
                            xml.WriteString(result.Describe());
                            xml.WriteEndElement();
                            break;
                        case ScenarioTestOutcome.NoExpectations:
                            xml.WriteElementString("system-out", "no expectations, evaluated only");
                            break;
                    }

                    xml.WriteEndElement();
                }

                if (suite.Errors.Count > 0)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", "load");
                    xml.WriteAttributeString("classname", suite.File);
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", $"{suite.Errors.Count} load error(s): {suite.Errors[0].Message}");
                    xml.WriteAttributeString("type", "load");
                    xml.WriteString(string.Join("\n", suite.Errors));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "coverage");
            WriteCounts(xml, 0, 0, 0);
            xml.WriteStartElement("properties");
            foreach (var rule in run.Coverage.RulesNeverFired)
            {
                WriteProperty(xml, "rule-never-fired", rule);
            }

            foreach (var condition in run.Coverage.ConditionsNeverExpected)
            {
                WriteProperty(xml, "condition-never-expected", condition);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void AppendList(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        text.Append("  ").Append(title).Append(CultureInfo.InvariantCulture, $" ({items.Count})");
        text.Append(items.Count == 0 ? "" : ": " + string.Join(", ", items)).Append('\n');
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int errors)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", "0");
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    /// <summary><c>NoExpectations</c> → <c>no-expectations</c>.</summary>
    private static string Kebab(string name) => NameConventions.ToKebabCase(name);
}

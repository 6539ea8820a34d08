using System.Text.Json;
using System.Xml.Linq;
using SecurityGuarantees.Tests.Support;
using static SecurityGuarantees.Tests.Testing.TestingFixtures;

namespace SecurityGuarantees.Tests.Testing;

/// <summary><c>security-guarantees test</c> over real files: output, exit codes 0/1/2, JSON and JUnit XML, coverage.</summary>
public sealed class TestCommandTests
{
    [Fact]
    public void Test_AllPass_ExitsWith0_AndEndsWithTheCountLine()
    {
        var (exitCode, output, error) = Run("test", Path("passing"), "--rules", RuleFile);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal(
            """
            ok    jeddah-pass (F/passing/jeddah-pass.yaml)
            ok    jeddah-no-expect (F/passing/no-expect.yaml): no expectations, evaluated only
            ok    jeddah-timeline-pass (F/passing/timeline-pass.yaml)
            ok    jeddah-timeline-pass @ 2025-03-13 (F/passing/timeline-pass.yaml)
            ok    jeddah-timeline-pass @ 2025-03-15 (F/passing/timeline-pass.yaml)

            1 of the passed test(s) have no expectations
            5 passed, 0 failed

            """.ReplaceLineEndings("\n"),
            Relative(output));
    }

    [Fact]
    public void Test_Failures_ExitWith1_AndPrintExpectedVsActualWithReasons()
    {
        var (exitCode, output, error) = Run("test", Path("failing"), "--rules", RuleFile);

        Assert.Equal(1, exitCode);
        Assert.Equal("", error);
        var text = Relative(output);
        Assert.Contains(
            """
            FAIL  jeddah-timeline-fail @ 2025-03-13 (F/failing/timeline-fail.yaml)
                  F/failing/timeline-fail.yaml:24:20: expected condition ceasefire-pending to hold, but it does not
                    actual: no ceasefire-pending condition holds
                    conditions that hold: none

            """.ReplaceLineEndings("\n"),
            text);
        Assert.Contains(
            """
            FAIL  jeddah-fail (F/failing/jeddah-fail.yaml)
                  F/failing/jeddah-fail.yaml:17:7: expected condition ceasefire-in-force to hold, but it does not
                    actual: no ceasefire-in-force condition holds
                    conditions that hold (1):
                      ceasefire-pending (subject: ceasefire-30d, parties: [RU]) because rule ceasefire-pending

            """.ReplaceLineEndings("\n"),
            text);
        Assert.Contains("ok    jeddah-timeline-fail (F/failing/timeline-fail.yaml)\n", text);
        Assert.EndsWith("\n1 passed, 3 failed\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_LoadErrors_ExitWith2_ReportedCompilerStyleOnStderr()
    {
        var (exitCode, output, error) = Run("test", Path("broken"), Path("passing/jeddah-pass.yaml"), "--rules", RuleFile);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            """
            F/broken/bad-expect.yaml:17:3: error SG0102: unknown key 'absnt' in 'expect' (hint: did you mean 'absent'?)
            1 error(s), 0 warning(s)

            """.ReplaceLineEndings("\n"),
            Relative(error));
        Assert.Contains("1 file(s) could not be loaded and were not tested", output);
        Assert.EndsWith("\n1 passed, 0 failed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_RuleLoadErrors_ExitWith2()
    {
        var (exitCode, _, error) = Run("test", Path("passing"), "--rules", TestPaths.Fixture("scenarios/jeddah.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains("error SG", error);
    }

    [Fact]
    public void Test_FolderWithoutScenarios_ExitsWith2()
    {
        var (exitCode, _, error) = Run("test", TestPaths.Repo("rules"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no scenario files found", error);
    }

    [Fact]
    public void Test_BadFormat_ExitsWith2()
    {
        var (exitCode, _, _) = Run("test", Path("passing"), "--format", "xml");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Test_Json_IsDeterministicAndComplete()
    {
        var first = Run("test", Folder, "--rules", RuleFile, "--format", "json");
        var second = Run("test", Folder, "--rules", RuleFile, "--format", "json");

        Assert.Equal(2, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.EndsWith("}\n", first.Out, StringComparison.Ordinal);
        Assert.Equal(1, first.Out.Count(c => c == '\n'));
        using var json = JsonDocument.Parse(first.Out);
        var root = json.RootElement;
        Assert.Equal(["tests", "diagnostics", "coverage", "summary"], root.EnumerateObject().Select(p => p.Name));
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(9, tests.Count);
        var step = tests.Single(t => t.GetProperty("name").GetString() == "jeddah-timeline-fail @ 2025-03-13");
        Assert.Equal(["name", "file", "scenario", "step", "asOf", "outcome", "failures"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, step.GetProperty("step").GetInt32());
        Assert.Equal("2025-03-13", step.GetProperty("asOf").GetString());
        Assert.Equal("failed", step.GetProperty("outcome").GetString());
        var failure = Assert.Single(step.GetProperty("failures").EnumerateArray());
        Assert.Equal("condition-missing", failure.GetProperty("kind").GetString());
        Assert.Equal("ceasefire-pending", failure.GetProperty("expected").GetString());
        Assert.EndsWith("timeline-fail.yaml:24:20", failure.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-expectations", tests.Single(t => t.GetProperty("scenario").GetString() == "jeddah-no-expect").GetProperty("outcome").GetString());
        Assert.Equal("SG0102", Assert.Single(root.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(6, summary.GetProperty("passed").GetInt32());
        Assert.Equal(3, summary.GetProperty("failed").GetInt32());
        Assert.Equal(1, summary.GetProperty("noExpectations").GetInt32());
        Assert.Equal(1, summary.GetProperty("loadErrors").GetInt32());
    }

    [Fact]
    public void Test_JUnit_IsValidJUnitXml_WithFailuresErrorsAndCoverage()
    {
        var (exitCode, output, _) = Run("test", Folder, "--rules", RuleFile, "--format", "junit");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites", output, StringComparison.Ordinal);
        var document = XDocument.Parse(output);
        var root = document.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.All(root.Elements(), e => Assert.Equal("testsuite", e.Name.LocalName));
        var suites = root.Elements("testsuite").ToList();
        foreach (var suite in suites)
        {
            Assert.NotNull(suite.Attribute("name"));
            var cases = suite.Elements("testcase").ToList();
            Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), (int)suite.Attribute("failures")!);
            Assert.Equal(cases.Count(c => c.Element("error") is not null), (int)suite.Attribute("errors")!);
            Assert.All(cases, c => Assert.NotNull(c.Attribute("name")));
            Assert.All(cases, c => Assert.NotNull(c.Attribute("classname")));
            Assert.All(suite.Elements(), e => Assert.Contains(e.Name.LocalName, new[] { "properties", "testcase", "system-out", "system-err" }));
        }

        Assert.Equal(suites.Sum(s => (int)s.Attribute("tests")!), (int)root.Attribute("tests")!);
        Assert.Equal(3, (int)root.Attribute("failures")!);
        Assert.Equal(1, (int)root.Attribute("errors")!);

        var failed = suites.SelectMany(s => s.Elements("testcase")).Single(c => (string?)c.Attribute("name") == "jeddah-timeline-fail @ 2025-03-13");
        var failure = failed.Element("failure")!;
        Assert.Equal("expectation", (string?)failure.Attribute("type"));
        Assert.Equal("1 expectation(s) failed: expected condition ceasefire-pending to hold, but it does not", (string?)failure.Attribute("message"));
        Assert.Contains("actual: no ceasefire-pending condition holds", failure.Value);

        var load = suites.Single(s => ((string)s.Attribute("name")!).EndsWith("bad-expect.yaml", StringComparison.Ordinal)).Element("testcase")!;
        Assert.Equal("load", (string?)load.Attribute("name"));
        Assert.Contains("error SG0102: unknown key 'absnt'", load.Element("error")!.Value);

        var coverage = suites[^1];
        Assert.Equal("coverage", (string?)coverage.Attribute("name"));
        Assert.Equal("0", (string?)coverage.Attribute("tests"));
    }

    [Fact]
    public void Test_Coverage_ListsRulesNeverFiredAndConditionsNeverExpected()
    {
        var (_, output, _) = Run("test", Path("passing/no-expect.yaml"), "--rules", RuleFile, "--coverage");
        Assert.Contains("coverage\n  rules no scenario fired (0)\n  conditions no scenario expects (1): ceasefire-pending\n", output);

        var (_, junit, _) = Run("test", Path("passing/no-expect.yaml"), "--rules", RuleFile, "--format", "junit");
        var properties = XDocument.Parse(junit).Root!.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "coverage")
            .Element("properties")!.Elements("property").Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}");
        Assert.Equal(["condition-never-expected=ceasefire-pending"], properties);
    }

    [Fact]
    public void Test_OnAFileOrFolder_PrintsNoCoverage_UnlessAskedFor()
    {
        var (_, quiet, _) = Run("test", Path("passing/no-expect.yaml"));
        var (_, asked, _) = Run("test", Path("passing/no-expect.yaml"), "--coverage");

        // One author's file against the 41 built-in rules: its result, not 40 lines about rules it does not touch.
        Assert.DoesNotContain("coverage", quiet);
        Assert.Equal(4, quiet.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length + 1);
        Assert.Contains("\ncoverage\n  rules no scenario fired (", asked);
        Assert.EndsWith("1 passed, 0 failed\n", quiet, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_OnTheDefaultFolders_PrintsCoverage()
    {
        // The default folders are relative to the working directory: run the real tool in the repository's root.
        var tool = System.IO.Path.Combine(AppContext.BaseDirectory, "security-guarantees.dll");
        var (exitCode, output, error) = SecurityGuarantees.Tests.Packaging.DotnetProcess.Run(TestPaths.RepositoryRoot, TimeSpan.FromMinutes(3), tool, "test");

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("\ncoverage\n  rules no scenario fired (", output);
        Assert.DoesNotContain("\u001b", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_BuiltinRules_ExamplesFolder_AllPass()
    {
        var (exitCode, output, error) = Run("test", TestPaths.Repo("examples/scenarios"), TestPaths.Repo("examples/timelines"));

        Assert.True(exitCode == 0, output + error);
        Assert.Matches(@"\n(\d+) passed, 0 failed\n$", output);
        Assert.Contains("ok    ceasefire-track-2025 @ 2025-03-13 (", output);
    }
}

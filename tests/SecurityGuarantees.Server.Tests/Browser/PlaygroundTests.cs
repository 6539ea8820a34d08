using Microsoft.Playwright;
using SecurityGuarantees.Server.Tests.Support;

namespace SecurityGuarantees.Server.Tests.Browser;

public sealed class PlaygroundTests(PlaygroundBrowser browser) : IClassFixture<PlaygroundBrowser>
{
    private static readonly string ParisE5 = File.ReadAllText(Repo.ParisE5);

    private static async Task ReplaceScenarioText(IPage page, string text)
    {
        await page.Locator("#scenario-editor .cm-line").First.ClickAsync(); // the content element is as tall as the document: click a drawn line
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
    }

    [Fact]
    public async Task Playground_OpensWithTheExampleScenarioEvaluated()
    {
        var page = await browser.OpenPlaygroundAsync();

        await Assertions.Expect(page.Locator("#conditions tbody")).ToContainTextAsync("ceasefire-pending");
        await Assertions.Expect(page.Locator("#next-steps tbody")).ToContainTextAsync("respond-to-ceasefire");
        await Assertions.Expect(page.Locator("#rules-editor .cm-content")).ToContainTextAsync("ruleset: ceasefire");
    }

    [Fact]
    public async Task TypingAMistake_UnderlinesItAtTheRightPlace_AndFixingIt_ShowsTheConclusions()
    {
        var page = await browser.OpenPlaygroundAsync();
        var index = ParisE5.IndexOf("stance: pending", StringComparison.Ordinal);
        var line = ParisE5[..index].Count(c => c == '\n') + 1;
        var column = index - ParisE5.LastIndexOf('\n', index);

        await ReplaceScenarioText(page, ParisE5.Remove(index, "stance".Length).Insert(index, "stanse"));

        var problem = page.Locator("#scenario-problems li.error");
        await Assertions.Expect(problem).ToHaveTextAsync($"{line}:{column} error SG0202: unknown field 'stanse' on Position (hint: did you mean 'stance'?)");

        // The problem list takes the author there (the editor only draws the lines in view), and the word is underlined.
        await problem.GetByRole(AriaRole.Button).ClickAsync();
        var underline = page.Locator("#scenario-editor .cm-lintRange-error");
        await Assertions.Expect(underline).ToHaveTextAsync("stanse");
        var cursorLine = await page.EvaluateAsync<int>("() => { const s = window.playground.scenarioEditor.state; return s.doc.lineAt(s.selection.main.head).number; }");
        Assert.Equal(line, cursorLine);
        await Assertions.Expect(page.Locator("#scenario-editor .cm-activeLine")).ToContainTextAsync("stanse: pending");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("error");

        await ReplaceScenarioText(page, ParisE5);

        await Assertions.Expect(underline).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#scenario-problems li")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#conditions tbody tr").Filter(new LocatorFilterOptions { HasText = "ceasefire-pending" }))
            .ToContainTextAsync("jeddah-ceasefire");
    }

    [Fact]
    public async Task Completion_ComesFromTheAuthoringService_InTheScenarioAndInAWhere()
    {
        var page = await browser.OpenPlaygroundAsync();
        await ReplaceScenarioText(page, "scenario: s\nfacts:\n  Posi");
        await page.Keyboard.PressAsync("Control+Space");

        var list = page.Locator(".cm-tooltip-autocomplete");
        await Assertions.Expect(list).ToContainTextAsync("Position");
        await list.Locator("li").Filter(new LocatorFilterOptions { HasText = "Position" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#scenario-editor .cm-content")).ToContainTextAsync("Position");

        // In the rule editor, inside a where: after an enum comparison, the enum's values.
        await page.Locator("#rules-editor .cm-line").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync("version: 1\nruleset: ceasefire\nrules:\n  - id: r\n    when:\n      - fact: Position\n        where: stance == \"");
        await page.Keyboard.PressAsync("Control+Space");
        await Assertions.Expect(list).ToContainTextAsync("counter-proposed");
    }

    [Fact]
    public async Task EditingARule_ChangesTheConclusions()
    {
        var page = await browser.OpenPlaygroundAsync();
        await page.Locator("#rules-editor .cm-line").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        var rules = (await page.EvaluateAsync<string>("() => window.playground.rulesEditor.state.doc.toString()"))
            .Replace("condition: ceasefire-pending", "condition: ceasefire-awaiting-russia", StringComparison.Ordinal);
        await page.Keyboard.InsertTextAsync(rules);

        await Assertions.Expect(page.Locator("#conditions tbody")).ToContainTextAsync("ceasefire-awaiting-russia");
    }

    [Fact]
    public async Task ChoosingGraph_DrawsTheJustificationGraphOfThatCondition()
    {
        var page = await browser.OpenPlaygroundAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Graph of ceasefire-pending (jeddah-ceasefire)" }).ClickAsync();

        var svg = page.Locator("#graph svg");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        await Assertions.Expect(svg).ToContainTextAsync("Condition ceasefire-pending/jeddah-ceasefire");
        await Assertions.Expect(svg).ToContainTextAsync("Position jeddah-ceasefire/UA");
        await Assertions.Expect(page.Locator("#conditions tr.selected")).ToContainTextAsync("ceasefire-pending");
    }

    [Fact]
    public async Task AskingWhyNot_ShowsTheFirstFailingElement_ByKeyboard()
    {
        var page = await browser.OpenPlaygroundAsync();

        await page.Locator("#why-not-target").SelectOptionAsync("rule:ceasefire-in-force");
        await page.Locator("#why-not-run").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var answer = page.Locator("#why-not");
        await Assertions.Expect(answer).ToContainTextAsync("ceasefire-in-force");
        await Assertions.Expect(answer).ToContainTextAsync("did not fire");
        await Assertions.Expect(answer).ToContainTextAsync("first failing element");
    }

    [Fact]
    public async Task Screenshot_OfThePlaygroundWithAGraphAndAWhyNot()
    {
        var page = await browser.OpenPlaygroundAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Graph of ceasefire-pending (jeddah-ceasefire)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#graph svg")).ToBeVisibleAsync();
        await page.Locator("#why-not-target").SelectOptionAsync("condition:ceasefire-in-force");
        await page.Locator("#why-not-run").ClickAsync();
        await Assertions.Expect(page.Locator("#why-not .rule").First).ToBeVisibleAsync();

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var path = Path.Combine(AppContext.BaseDirectory, "playground.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000);

        // SECURITYGUARANTEES_UPDATE_SCREENSHOT=1 refreshes the README's picture (docs/images/playground.png).
        if (Environment.GetEnvironmentVariable("SECURITYGUARANTEES_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(path, Repo.Path("docs/images/playground.png"), overwrite: true);
        }
    }
}

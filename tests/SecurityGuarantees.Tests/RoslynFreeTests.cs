using System.Text.Json;

namespace SecurityGuarantees.Tests;

public sealed class RoslynFreeTests
{
    [Fact]
    public void TheLibraryRuntimeDependencyClosure_HasNoMicrosoftCodeAnalysis()
    {
        var depsFile = Path.Combine(AppContext.BaseDirectory, "SecurityGuarantees.Tests.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var targets = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var libraries = targets.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var library = libraries.Keys.Single(k => k.StartsWith("SecurityGuarantees/", StringComparison.Ordinal));

        var closure = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([library]);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!closure.Add(name) || !libraries.TryGetValue(name, out var entry) || !entry.TryGetProperty("dependencies", out var dependencies))
            {
                continue;
            }

            foreach (var dependency in dependencies.EnumerateObject())
            {
                pending.Push($"{dependency.Name}/{dependency.Value.GetString()}");
            }
        }

        Assert.Contains(closure, c => c.StartsWith("NRules.Runtime/", StringComparison.Ordinal));
        Assert.DoesNotContain(closure, c => c.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }
}

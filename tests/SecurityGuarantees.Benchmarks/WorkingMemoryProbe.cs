using System.Collections;
using System.Reflection;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--memory &lt;proposals&gt; [five|shipped] [--wait]</c>: what one evaluated session holds: its live bytes, and the
/// entries of NRules' working memory (facts, linked facts, per-tuple node states by node type), read by reflection. With
/// <c>--wait</c> the process then waits 20 s with the session alive, for <c>dotnet-gcdump collect</c>.
/// </summary>
internal static class WorkingMemoryProbe
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    public static void Run(string[] args)
    {
        var rest = args.SkipWhile(a => a != "--memory").Skip(1).ToArray();
        var ours = rest.ElementAtOrDefault(1) == "shipped" ? YamlImplementation.CreateShipped() : YamlImplementation.CreateFiveRules();
        var scenario = YamlImplementation.ToScenario(BenchData.Generate(int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture)));
        ours.Evaluate(scenario); // everything the engine caches is in place before the measurement
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var probe = new SessionProbe(ours.Engine, scenario);
        Console.WriteLine($"live session: {(GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6:F1} MB (the process besides: {before / 1e6:F1} MB)");

        var session = Field(Field(probe, "_session"), "_session"); // SessionProbe → ScenarioSession → NRules session
        var workingMemory = Field(session, "_workingMemory");
        foreach (var field in workingMemory.GetType().GetFields(Private))
        {
            if (field.GetValue(workingMemory) is ICollection collection)
            {
                Console.WriteLine($"{field.Name}: {collection.Count:N0}");
            }
        }

        var byNode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in ((IDictionary)Field(workingMemory, "_tupleStateMap")).Keys)
        {
            var node = Field(key, "_node").GetType().Name;
            byNode[node] = byNode.GetValueOrDefault(node) + 1;
        }

        foreach (var (node, count) in byNode.OrderByDescending(x => x.Value))
        {
            Console.WriteLine($"  tuple states of {node}: {count:N0}");
        }

        if (args.Contains("--wait"))
        {
            Thread.Sleep(20_000);
        }

        GC.KeepAlive(probe);
    }

    private static object Field(object owner, string name) =>
        owner.GetType().GetField(name, Private)?.GetValue(owner) ?? throw new InvalidOperationException($"{owner.GetType().Name}.{name} not found");
}

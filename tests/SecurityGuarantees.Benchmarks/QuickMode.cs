using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using SecurityGuarantees.Domain;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// <c>--quick</c>: every workload once with Stopwatch (warm-up + median of a few repetitions), the ratio table of issue 6's
/// targets, and an exit code that fails only when a GUARDED target misses by more than 2×.
/// </summary>
internal static partial class QuickMode
{
    /// <summary>
    /// The targets that may fail CI: those met, or within 2× of their target, on the reference machine (see
    /// docs/performance.md). The others are far off today and are reported, never failed. Move a target here once it is
    /// met. 1' and 2a joined with the indexed equi-join; 2b and 4 with steady-state timing, the result tracker (a snapshot
    /// refreshes only what changed) and the incremental merge of supports; 5 with the native (AOT) tool; 14b with the
    /// what-if walk order (issue 14, met since); 2c and 18a with the results the rule actions report (issue 18).
    /// </summary>
    public static readonly IReadOnlySet<string> Guarded = new HashSet<string>(StringComparer.Ordinal)
    {
        "1'", "2a", "2b", "2c", "3b", "4", "5", "6a", "6b", "7", "14b", "18a",
    };

    private static readonly List<Target> Targets = [];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var total = Stopwatch.StartNew();
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',').ToHashSet() ?? [];
        bool Want(string section) => only.Count == 0 || only.Contains(section);
        Console.WriteLine($"SecurityGuarantees quick benchmarks — {Environment.ProcessorCount} cores, {RuntimeInfo()}");

        if (Want("eval"))
        {
            Evaluation();
        }

        if (Want("scaling"))
        {
            Scaling();
        }

        if (Want("compile"))
        {
            Compile();
        }

        if (Want("timeline"))
        {
            Timeline();
        }

        if (Want("coldstart"))
        {
            ColdStart();
        }

        if (Want("parallel"))
        {
            Parallel();
        }

        if (Want("limits"))
        {
            Limits();
        }

        if (Want("small"))
        {
            Small(); // issue 18: QuickMode.Small.cs
        }

        if (Want("whatif"))
        {
            WhatIf(); // issue 14: QuickMode.WhatIf.cs
        }

        if (Want("language"))
        {
            Language();
            DeclaredTypes(); // issue 13 §1: QuickMode.Declared.cs
        }

        if (Want("authoring"))
        {
            Section("Authoring (issue 16): a keystroke in a shipped rule file — didChange, diagnostics, completion");
            var (keystroke, cpu) = AuthoringKeystroke.Measure(Path.Combine(RepositoryRoot(), "rules"), keystrokes: 41);
            Console.WriteLine($"median keystroke: {keystroke.ToString("F2", Inv)} ms ({cpu.ToString("F2", Inv)} ms on the CPU)");
            Add("16", "keystroke on the shipped rules (didChange + diagnostics + completion), ms", keystroke, 50, atMost: true);
        }

        Console.WriteLine();
        Console.WriteLine("| # | target | measured | target | result | CI guard |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var failed = false;
        foreach (var t in Targets)
        {
            var guarded = Guarded.Contains(t.Id);
            var verdict = t.Met ? "PASS" : t.FarOff ? "MISS (>2×)" : "MISS (within 2×)";
            failed |= guarded && t.FarOff;
            Console.WriteLine($"| {t.Id} | {t.Name} | {t.Format(t.Measured)} | {(t.AtMost ? "≤" : "≥")} {t.Format(t.Goal)} | {verdict} | {(guarded ? "guarded" : "reported")} |");
        }

        Console.WriteLine();
        Console.WriteLine($"quick mode took {total.Elapsed.TotalSeconds:F0} s; guarded targets: {string.Join(", ", Guarded.Order())}");
        if (failed)
        {
            Console.WriteLine("FAIL: a guarded target missed by more than 2× (a regression, or a much slower machine)");
            return 1;
        }

        return 0;
    }

    private static void Evaluation()
    {
        Section("Evaluation: the five rules four ways (ms per evaluation; conclusions asserted identical first)");
        var ours = YamlImplementation.CreateFiveRules();
        var fluent = FluentImplementation.Create();
        var re = RulesEngineImplementation.Create();
        Console.WriteLine("| size | facts | conclusions | ours (YAML) | NRules Fluent | RulesEngine | plain C# | ours/Fluent | ours/RulesEngine |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var oursTimes = new Dictionary<int, double>();
        foreach (var (label, n) in new[] { ("seed", BenchData.SeedProposals), ("1,000", 1_000), ("10,000", 10_000) })
        {
            var data = BenchData.Generate(n);
            var scenario = YamlImplementation.ToScenario(data);
            var count = Conclusions.AssertSame($"{n} proposals",
                [("ours", ours.Conclude(scenario)), ("NRules Fluent", fluent.Conclude(data)), ("RulesEngine", re.Conclude(data)), ("plain C#", PlainImplementation.Conclude(data))]);
            double tOurs, tFluent;
            if (n >= 10_000)
            {
                // Fluent takes seconds here: one timed run (the assertion above was the warm-up), with its allocations
                // (target 6b). Ours is timed like the smaller sizes, and its allocations are read from one more run.
                (_, var oursBytes) = Measure.OnceWithAllocations(() => ours.Evaluate(scenario));
                tOurs = Measure.Ms(() => ours.Evaluate(scenario), 5, collect: true); // 5: GC pauses vary at this size
                (tFluent, var fluentBytes) = Measure.OnceWithAllocations(() => fluent.Evaluate(data));
                Console.WriteLine($"(allocated by one 10,000-proposal evaluation: ours {oursBytes / 1e6:F0} MB, NRules Fluent {fluentBytes / 1e6:F0} MB)");
                Add("6b", "memory (allocated) of a 10,000-proposal evaluation: ours ÷ NRules Fluent", (double)oursBytes / fluentBytes, 1.5, atMost: true);
                Add("18e", $"allocated by a 10,000-proposal evaluation ÷ before issue 18 ({TenThousandBytesBefore / 1e6:F0} MB)", oursBytes / TenThousandBytesBefore, 0.5, atMost: true);
            }
            else
            {
                // The seed size is timed first in the process, while the background JIT still has most of the engine to
                // optimise (a 0.15 ms evaluation measured 0.7 ms after 600 ms of warm-up, 0.15 ms after 2 s): longer warm-up.
                var warmUpMs = n == BenchData.SeedProposals ? 3_000 : 600;
                tOurs = Measure.Ms(() => ours.Evaluate(scenario), warmUpMs: warmUpMs);
                tFluent = Measure.Ms(() => fluent.Evaluate(data), warmUpMs: warmUpMs);
            }

            var reps = n >= 10_000 ? 3 : 5;
            var tRe = Measure.Ms(() => re.Evaluate(data), reps, collect: n >= 10_000);
            var tPlain = Measure.Ms(() => PlainImplementation.Evaluate(data), reps, collect: n >= 10_000);
            oursTimes[n] = tOurs;
            Console.WriteLine($"| {label} | {data.FactCount:N0} | {count:N0} | {tOurs:F3} | {tFluent:F3} | {tRe:F3} | {tPlain:F3} | {tOurs / tFluent:F2} | {tOurs / tRe:F1} |");
            switch (n)
            {
                case 10_000:
                    Add("1'", "five rules, 1,000 → 10,000 proposals: time ×", tOurs / oursTimes[1_000], 12, atMost: true);
                    Add("2a", "10,000 proposals: ours ÷ NRules Fluent", tOurs / tFluent, 0.10, atMost: true);
                    Add("2d", "10,000 proposals: ours ÷ RulesEngine", tOurs / tRe, 2.0, atMost: true);
                    break;
                case 1_000:
                    Add("2b", "1,000 proposals: ours ÷ NRules Fluent", tOurs / tFluent, 1.10, atMost: true);
                    break;
                default:
                    Add("2c", "seed size: ours ÷ NRules Fluent", tOurs / tFluent, 1.10, atMost: true);
                    SeedAllocations(ours, scenario, fluent, re, data);
                    break;
            }
        }
    }

    /// <summary>Bytes one seed-size evaluation allocates, each implementation (this thread; after a warm-up call).</summary>
    private static void SeedAllocations(YamlImplementation ours, Scenarios.Scenario scenario, FluentImplementation fluent, RulesEngineImplementation re, BenchData data)
    {
        var oursBytes = Measure.AllocatedBytes(() => ours.Evaluate(scenario));
        var fluentBytes = Measure.AllocatedBytes(() => fluent.Evaluate(data));
        var reBytes = Measure.AllocatedBytes(() => re.Evaluate(data));
        Console.WriteLine($"(allocated by one seed-size evaluation: ours {oursBytes / 1024.0:F1} KB, NRules Fluent {fluentBytes / 1024.0:F1} KB, "
            + $"RulesEngine {reBytes / 1024.0:F1} KB; before issue 18 ours {SeedBytesBefore / 1024:F1} KB)");
        Add("18d", $"allocated by a seed-size evaluation ÷ before issue 18 ({SeedBytesBefore / 1024:F1} KB)", oursBytes / SeedBytesBefore, 0.5, atMost: true);
    }

    private static void Scaling()
    {
        // The shipped rules take seconds at 1,000 proposals and minutes at 10,000 (cross joins), so the quick mode measures
        // the same ×10 growth one decade lower; the full BenchmarkDotNet run has 10,000 (docs/performance.md).
        // The output is printed beside the time. Target 1 is the time growth on the generated data, whose parties hold a
        // bounded number of open preconditions (BenchData.DefaultOpenPreconditions). The same data with every demand an
        // open precondition is measured too, as information: there rule conditions-added justifies each conditional
        // answer with every one of hundreds of preconditions, the output grows ~×78 for ×10 proposals, and no engine can
        // grow less than its output.
        Section("Scaling: the shipped rule set, 100 → 1,000 proposals (ms per evaluation)");
        var shipped = YamlImplementation.CreateShipped();
        Console.WriteLine("| data | proposals | facts | conclusions | justifications | ms | of which GC pauses | µs per justification |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var bounded = ScalingRows(shipped, $"≤ {BenchData.DefaultOpenPreconditions} open preconditions per kind", BenchData.DefaultOpenPreconditions);
        ScalingRows(shipped, "every demand an open precondition", int.MaxValue);
        Console.WriteLine("(target 1 is the time growth of the first data set; time per justification is information: a linear engine "
            + "keeps it near ×1 however fast the output grows; the GC column's growth is the collector's, the time without it the "
            + "engine's own work; where the time goes per rule: --rule-costs)");
        Add("1", "shipped rules, ×10 proposals (100 → 1,000): time ×", bounded, 12, atMost: true);
    }

    /// <summary>Times the shipped rules at 100 and 1,000 proposals on one data set; prints the rows and returns the time growth.</summary>
    private static double ScalingRows(YamlImplementation shipped, string label, int openPreconditions)
    {
        var rows = new Dictionary<int, (int Facts, int Conclusions, int Justifications, double Ms, double GcMs)>();
        var sizes = new[] { 100, 1_000 }.ToDictionary(n => n, n => BenchData.Generate(n, openPreconditionsPerKind: openPreconditions));
        var scenarios = sizes.ToDictionary(p => p.Key, p => YamlImplementation.ToScenario(p.Value));
        // Both sizes run, alternately, for a while before either is timed: timed first, the small size ran on code the
        // runtime had not finished optimising (2-3× its steady time), which flattered or hid the growth.
        var warm = Stopwatch.StartNew();
        for (var round = 0; round < 2 || warm.ElapsedMilliseconds < 2_000; round++)
        {
            foreach (var scenario in scenarios.Values)
            {
                shipped.Evaluate(scenario);
            }
        }

        foreach (var (n, data) in sizes)
        {
            var scenario = scenarios[n];
            var result = shipped.Evaluate(scenario);
            GC.Collect();
            var (ms, gcMs) = Measure.MsAndGc(() => shipped.Evaluate(scenario), 3); // warmed up to steady state first, like every size
            var justifications = result.Conditions.Sum(c => c.Justifications.Count) + result.NextSteps.Sum(s => s.Justifications.Count);
            rows[n] = (data.FactCount, result.Conditions.Count + result.NextSteps.Count, justifications, ms, gcMs);
            Console.WriteLine($"| {label} | {n:N0} | {data.FactCount:N0} | {rows[n].Conclusions:N0} | {justifications:N0} | {ms:F2} | {gcMs:F2} "
                + $"| {1_000 * ms / justifications:F1} |");
        }

        var (small, large) = (rows[100], rows[1_000]);
        static string Growth(double large, double small) => "×" + (large / small).ToString(large / small >= 10 ? "F0" : "F1", Inv);
        Console.WriteLine($"| {label} | growth | {Growth(large.Facts, small.Facts)} | {Growth(large.Conclusions, small.Conclusions)} "
            + $"| {Growth(large.Justifications, small.Justifications)} | {Growth(large.Ms, small.Ms)} "
            + $"| {(small.GcMs > 0 ? Growth(large.GcMs, small.GcMs) : "—")} (without GC: {Growth(large.Ms - large.GcMs, small.Ms - small.GcMs)}) "
            + $"| {Growth(large.Ms / large.Justifications, small.Ms / small.Justifications)} |");
        return large.Ms / small.Ms;
    }

    private static void Compile()
    {
        // Compile cost, not fresh-process cost (that is target 5): each size is compiled once by each implementation before
        // the timed runs, as every other workload here is timed in steady state. The first compile of each size is shown
        // too: ours runs much more code than Expression.Compile (which ships precompiled), so a first compile at a new
        // size still runs partly unoptimised code and varies with how busy the machine is.
        Section("Compile: generated YAML rules (load + type-check + compile) vs NRules Fluent (load + default compile), ms");
        YamlImplementation.Compile(YamlImplementation.GenerateRules(10), fastExpressionCompiler: true); // warm-up of both paths
        YamlImplementation.Compile(YamlImplementation.GenerateRules(10), fastExpressionCompiler: false);
        FluentImplementation.CompileGenerated(10);
        Console.WriteLine("| rules | ours (FastExpressionCompiler) | NRules Fluent default | ours per rule | first compile: ours / Fluent | ours (framework compiler, one run) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var perRule = new Dictionary<int, double>();
        double oursAt1000 = 0, fluentAt1000 = 0;
        foreach (var n in new[] { 10, 100, 1_000 })
        {
            var yaml = YamlImplementation.GenerateRules(n);
            var firstOurs = Measure.Once(() => YamlImplementation.Compile(yaml, fastExpressionCompiler: true));
            var firstFluent = Measure.Once(() => FluentImplementation.CompileGenerated(n));
            var fast = Median(3, () => Measure.Once(() => YamlImplementation.Compile(yaml, fastExpressionCompiler: true)));
            var fluent = Median(3, () => Measure.Once(() => FluentImplementation.CompileGenerated(n)));
            var framework = Measure.Once(() => YamlImplementation.Compile(yaml, fastExpressionCompiler: false));
            perRule[n] = fast / n;
            Console.WriteLine($"| {n:N0} | {fast:F0} | {fluent:F0} | {fast / n:F2} | {firstOurs:F0} / {firstFluent:F0} | {framework:F0} |");
            if (n == 1_000)
            {
                oursAt1000 = fast;
                fluentAt1000 = fluent;
            }
        }

        Add("3a", "compile 1,000 rules: ours ÷ NRules Fluent default", oursAt1000 / fluentAt1000, 0.15, atMost: true);
        Add("3b", "compile per-rule cost, 1,000 ÷ 100 rules", perRule[1_000] / perRule[100], 1.5, atMost: true);
    }

    private static void Timeline()
    {
        // The five rules: the shipped set takes ~5 s per 1,000-proposal evaluation, too long for the quick mode's budget.
        Section("Incremental: one timeline step in a 1,000-proposal session (the five rules), ms");
        var shipped = YamlImplementation.CreateFiveRules();
        var data = BenchData.Generate(1_000);
        var scenario = YamlImplementation.ToScenario(data);
        var scratch = Measure.Ms(() => shipped.Evaluate(scenario), 3);
        var probe = new SessionProbe(shipped.Engine, scenario);

        // The step flips Russia's answer to one pending ceasefire back and forth, as a timeline step would update it.
        var target = data.Proposals.First(p => p.Kind == ProposalKind.Ceasefire && p.Mutual
            && data.Positions.Any(x => x.Proposal == p.Id && x.Party == "UA" && x.Stance == Stance.Accepted)
            && !data.Positions.Any(x => x.Proposal == p.Id && x.Party == "RU"));
        var accepted = new Position { Proposal = target.Id, Party = "RU", Stance = Stance.Accepted, Since = BenchData.AsOf };
        var pending = accepted with { Stance = Stance.Pending };
        probe.Insert([pending]);
        probe.Fire();
        var flip = false;

        // Correctness first: the incremental state equals a from-scratch evaluation of the changed facts.
        probe.Update([accepted]);
        probe.SetToday(BenchData.AsOf, first: false);
        probe.Fire();
        var incremental = Conclusions.Of(probe.Snapshot(scenario.Id, BenchData.AsOf));
        var changed = Scenarios.Scenario.Create(scenario.Id, scenario.Facts.Append(accepted), BenchData.AsOf);
        Conclusions.AssertSame("timeline step", [("from scratch", Conclusions.Of(shipped.Evaluate(changed))), ("incremental", incremental)]);

        var step = Measure.Ms(() =>
        {
            probe.Update([(flip = !flip) ? pending : accepted]);
            probe.SetToday(BenchData.AsOf, first: false);
            probe.Fire();
            probe.Snapshot(scenario.Id, BenchData.AsOf);
        }, 7);
        var factOnly = Measure.Ms(() =>
        {
            probe.Update([(flip = !flip) ? pending : accepted]);
            probe.Fire();
        }, 7);
        var snapshot = Measure.Ms(() => probe.Snapshot(scenario.Id, BenchData.AsOf), 7);
        Console.WriteLine("| from scratch | step as TimelineRunner runs it (update + Today + fire + snapshot) | update + fire only | snapshot only |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| {scratch:F2} | {step:F3} | {factOnly:F3} | {snapshot:F3} |");
        Add("4", "timeline step ÷ from-scratch evaluation (1,000 proposals)", step / scratch, 0.05, atMost: true);
    }

    private static void ColdStart()
    {
        Section("Start-up: whole process, ms (median of 5 after one warm-up run)");
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "src", "SecurityGuarantees.Cli", "bin", "Release", "net10.0", "security-guarantees.dll");
        if (!File.Exists(cli))
        {
            Run("dotnet", $"build -c Release \"{Path.Combine(root, "src", "SecurityGuarantees.Cli")}\" -v q -nologo", root, quiet: true);
        }

        var seed = Path.Combine(root, "examples", "scenarios", "2025-03-12-paris-e5.yaml");
        var (hello, helloKind) = HelloWorld();
        var (native, nativeKind) = NativeCli(root);
        var tHello = Median(5, () => Measure.Once(() => Run("dotnet", $"\"{hello}\"" + (helloKind == "self" ? " --hello" : ""), root)), warm: true);
        var tCli = Median(5, () => Measure.Once(() => Run("dotnet", $"\"{cli}\" evaluate \"{seed}\"", root)), warm: true);
        var tNative = native is null ? double.NaN : Median(5, () => Measure.Once(() => Run(native, $"evaluate \"{seed}\"", root)), warm: true);
        Console.WriteLine($"| hello-world ({helloKind}) | framework-dependent tool (the 'any' package): evaluate seed | native tool ({nativeKind}): evaluate seed |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| {tHello:F0} | {tCli:F0} ({tCli / tHello:F1}×) | {(native is null ? "not built" : $"{tNative:F0} ({tNative / tHello:F1}×)")} |");
        // Target 5 is the command as installed: the native tool wherever a native package exists (linux-x64).
        // Without a native build (another platform) the framework-dependent figure is reported under another id, unguarded.
        if (native is null)
        {
            Add("5-fd", "cold start: framework-dependent evaluate seed ÷ hello-world process (no native build here)", tCli / tHello, 3, atMost: true);
        }
        else
        {
            Add("5", "cold start: native security-guarantees evaluate seed ÷ hello-world process", tNative / tHello, 3, atMost: true);
        }
    }

    /// <summary>
    /// The native tool: SECURITYGUARANTEES_NATIVE_CLI (.ci/run sets it to the installed tool), else a native publish of
    /// src/SecurityGuarantees.Cli (incremental: seconds when nothing changed), else none (not linux-x64, or no toolchain).
    /// </summary>
    private static (string? Path, string Kind) NativeCli(string root)
    {
        if (Environment.GetEnvironmentVariable("SECURITYGUARANTEES_NATIVE_CLI") is { Length: > 0 } given && File.Exists(given))
        {
            return (given, "installed");
        }

        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return (null, "");
        }

        var output = Path.Combine(Path.GetTempPath(), "sg-bench-native");
        try
        {
            Run("dotnet", $"publish -c Release -r linux-x64 -o \"{output}\" \"{Path.Combine(root, "src", "SecurityGuarantees.Cli")}\" -v q -nologo", root, quiet: true);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine($"native publish failed, target 5 measures the framework-dependent tool: {e.Message.Split('\n')[0]}");
            return (null, "");
        }

        var path = Path.Combine(output, "security-guarantees");
        return File.Exists(path) ? (path, "published") : (null, "");
    }

    private static void Parallel()
    {
        Section("Parallel: 1,000 seed-size scenarios on one engine (shipped rules)");
        var shipped = YamlImplementation.CreateShipped();
        var scenarios = Enumerable.Range(0, 1_000).Select(i => YamlImplementation.ToScenario(BenchData.Generate(BenchData.SeedProposals, seed: i))).ToList();
        foreach (var s in scenarios.Take(50))
        {
            shipped.Evaluate(s);
        }

        var one = Median(1, () => Measure.Once(() =>
        {
            foreach (var s in scenarios)
            {
                shipped.Evaluate(s);
            }
        }));
        var all = Median(1, () => Measure.Once(() =>
            System.Threading.Tasks.Parallel.ForEach(scenarios, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s => shipped.Evaluate(s))));
        Console.WriteLine($"| one core | {Environment.ProcessorCount} cores | scenarios/s one core | scenarios/s all cores |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| {one:F0} ms | {all:F0} ms | {1000 / one * 1000:F0} | {1000 / all * 1000:F0} |");
        Add("6a", $"throughput, {Environment.ProcessorCount} cores ÷ one core", one / all, 1.7, atMost: false);
    }

    private static void Limits()
    {
        Section("Limits: a 10,000-proposal scenario file through the default input limits");
        var data = BenchData.Generate(10_000);
        var path = Path.Combine(Path.GetTempPath(), $"sg-bench-10000-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, data.ToYaml());
        try
        {
            var engine = new ScenarioEngineBuilder().AddRuleText("bench.yaml", YamlImplementation.FiveRules).Build();
            var loaded = 0;
            string? error = null;
            try
            {
                loaded = engine.LoadScenario(path).Facts.Count;
            }
            catch (Diagnostics.RuleLoadException e)
            {
                error = e.Message.Split('\n')[0];
            }

            Console.WriteLine($"file {new FileInfo(path).Length / 1e6:F2} MB, {data.FactCount:N0} facts written, {loaded:N0} loaded{(error is null ? "" : ": " + error)}");
            Add("7", "10,000-proposal scenario loads with default limits (1 = yes)", loaded == data.FactCount ? 1 : 0, 1, atMost: false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string Path, string Kind) HelloWorld()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sg-bench-hello");
        var dll = Path.Combine(dir, "out", "hello.dll");
        if (!File.Exists(dll))
        {
            try
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "hello.csproj"),
                    "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>"
                    + "<ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
                File.WriteAllText(Path.Combine(dir, "Program.cs"), "System.Console.WriteLine(\"Hello, World!\");\n");
                File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
                File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
                Run("dotnet", $"build -c Release -o \"{Path.Combine(dir, "out")}\" -v q -nologo", dir, quiet: true);
            }
            catch (InvalidOperationException)
            {
                // fall through to the approximation below
            }
        }

        return File.Exists(dll)
            ? (dll, "console app built in a temp dir")
            : (typeof(QuickMode).Assembly.Location, "self"); // this app returning at once: an approximation, reported as such
    }

    private static void Run(string file, string arguments, string directory, bool quiet = false)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && quiet)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {error.Result}{output.Result}");
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecurityGuarantees.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static double Median(int repetitions, Func<double> sample, bool warm = false)
    {
        if (warm)
        {
            sample();
        }

        var samples = Enumerable.Range(0, repetitions).Select(_ => sample()).Order().ToList();
        return samples[repetitions / 2];
    }

    private static void Add(string id, string name, double measured, double goal, bool atMost) =>
        Targets.Add(new Target(id, name, measured, goal, atMost));

    private static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine("## " + title);
        Console.Out.Flush();
    }

    private static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    private sealed record Target(string Id, string Name, double Measured, double Goal, bool AtMost)
    {
        public bool Met => AtMost ? Measured <= Goal : Measured >= Goal;

        /// <summary>Misses by more than 2×: the only miss a guarded target fails CI for.</summary>
        public bool FarOff => AtMost ? Measured > 2 * Goal : Measured < Goal / 2;

        public string Format(double value) => value.ToString(value >= 10 ? "F0" : value >= 1 ? "F2" : "F3", Inv);
    }
}

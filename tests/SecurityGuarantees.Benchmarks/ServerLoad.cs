using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SecurityGuarantees.Reporting;
using SecurityGuarantees.Server;

namespace SecurityGuarantees.Benchmarks;

/// <summary>
/// The bounded load test of <c>security-guarantees serve</c> (issue 15; docs/server.md): POST /v1/evaluate with the
/// Paris E5 scenario on a real Kestrel server on loopback, at 1, 8 and 64 concurrent connections, then the same work
/// (parse, evaluate, write the JSON) in-process on 1 and 8 threads. Prints throughput, p50, p99, errors and the working
/// set. <c>--serve-load [seconds per level]</c>, default 8 (under 60 s in all).
/// </summary>
internal static class ServerLoad
{
    private static readonly int[] Connections = [1, 8, 64];

    public static int Run(double secondsPerLevel)
    {
        var root = FindRoot();
        var scenario = File.ReadAllText(Path.Combine(root, "examples/scenarios/2025-03-12-paris-e5.yaml"));
        var app = SecurityGuaranteesServer.CreateApplication(new ServerOptions { Urls = "http://127.0.0.1:0" });
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var duration = TimeSpan.FromSeconds(secondsPerLevel);
        Console.WriteLine($"serve load test: POST {address}/v1/evaluate, Paris E5 ({scenario.Length} bytes), {secondsPerLevel} s per level, {Environment.ProcessorCount} cores");

        // Warm-up (JIT, first compilation of the rules), then the working set the levels start from.
        RunLevel(address, scenario, 8, TimeSpan.FromSeconds(2));
        var workingSetStart = CurrentWorkingSet();
        var rows = Connections.Select(c => (Connections: c, Result: RunLevel(address, scenario, c, duration))).ToList();
        var workingSetEnd = CurrentWorkingSet();
        app.StopAsync().GetAwaiter().GetResult();

        var engine = new ScenarioEngineBuilder().Build();
        InProcess(engine, scenario, 1, TimeSpan.FromSeconds(1));
        var inProcess1 = InProcess(engine, scenario, 1, duration / 2);
        var inProcess8 = InProcess(engine, scenario, 8, duration / 2);

        Console.WriteLine();
        Console.WriteLine("| connections | requests/s | p50 ms | p99 ms | errors | ratio to in-process (same threads) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var (connections, result) in rows)
        {
            var baseline = connections == 1 ? inProcess1 : inProcess8;
            Console.WriteLine(Invariant($"| {connections} | {result.Throughput:F0} | {result.P50:F2} | {result.P99:F2} | {result.Errors} | {result.Throughput / baseline:F2} |"));
        }

        Console.WriteLine(Invariant($"in-process evaluations/s (parse, evaluate, JSON): 1 thread {inProcess1:F0}, 8 threads {inProcess8:F0}"));
        Console.WriteLine(Invariant($"working set: {workingSetStart / 1048576.0:F0} MiB after warm-up, {workingSetEnd / 1048576.0:F0} MiB after the three levels"));
        return rows.Sum(r => r.Result.Errors) == 0 ? 0 : 1;
    }

    private static (double Throughput, double P50, double P99, int Errors) RunLevel(string address, string scenario, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>[connections];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new StringContent(scenario);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
                try
                {
                    using var response = await client.PostAsync("/v1/evaluate", content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        Task.WaitAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private static double InProcess(ScenarioEngine engine, string scenario, int threads, TimeSpan duration)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            while (clock.Elapsed < duration)
            {
                _ = JsonReportWriter.ToJson(engine.Evaluate(engine.ParseScenario("request", scenario)));
                Interlocked.Increment(ref count);
            }
        });
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    private static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecurityGuarantees.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}

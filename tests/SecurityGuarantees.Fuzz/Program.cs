using System.Diagnostics;
using SecurityGuarantees.Fuzz;

// Usage:
//   SecurityGuarantees.Fuzz <target>                  run under afl-fuzz (SharpFuzz; the target reads AFL's input;
//                                                     an input over 2 s throws, which afl-fuzz saves as a crash)
//   SecurityGuarantees.Fuzz <target> --replay <dir>   run every file of <dir> once, in process; fail on an escape or
//                                                     on an input slower than 2 s (the CI's quick corpus check)
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: SecurityGuarantees.Fuzz <{string.Join('|', FuzzTargets.Names)}> [--replay <dir>]");
    return 2;
}

var target = FuzzTargets.Get(args[0]);
if (args.Length == 3 && args[1] == "--replay")
{
    var warm = Stopwatch.StartNew();
    FuzzTargets.Warm();
    Console.WriteLine($"{args[0]}: engine built in {warm.ElapsedMilliseconds} ms");
    var failures = 0;
    var files = Directory.EnumerateFiles(args[2], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
    foreach (var file in files)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var stream = File.OpenRead(file);
            target(FuzzTargets.Decode(stream));
        }
        catch (Exception e)
        {
            failures++;
            Console.Error.WriteLine($"{file}: {e.GetType().FullName}: {e.Message}");
        }

        if (watch.Elapsed > FuzzTargets.InputBudget)
        {
            failures++;
            Console.Error.WriteLine($"{file}: took {watch.Elapsed.TotalSeconds:F1} s (limit 2 s)");
        }
    }

    Console.WriteLine($"{args[0]}: {files.Count} inputs replayed, {failures} failures");
    return failures == 0 ? 0 : 1;
}

// No instrumented code may run before SharpFuzz has mapped AFL's coverage memory: the engine is built on the first input.
SharpFuzz.Fuzzer.OutOfProcess.Run(stream => target(FuzzTargets.Decode(stream)));
return 0;

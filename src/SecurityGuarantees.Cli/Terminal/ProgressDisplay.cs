using Spectre.Console;

namespace SecurityGuarantees.Cli.Terminal;

/// <summary>
/// A progress bar on stderr for work that takes over a second, when stderr is a terminal; quiet otherwise, so redirected
/// output and tests see nothing of it. The work runs on a worker thread; the bar reads how many items are done.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>How long work runs before the bar appears: short work should not flicker.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    /// <summary>The total of work that cannot count its items.</summary>
    private const int Indeterminate = -1;

    /// <summary>
    /// Runs <paramref name="work"/>, which cannot say how far it is (a library call): after the delay, an indeterminate
    /// bar shows that it is still going. Exceptions come through unchanged.
    /// </summary>
    /// <param name="context">The run's streams and terminal settings.</param>
    /// <param name="description">What is being done, e.g. <c>evaluating 64 variants</c>.</param>
    /// <param name="work">The work.</param>
    /// <param name="delay">How long before the bar appears (<see cref="DefaultDelay"/> unless a test says otherwise).</param>
    public static T Run<T>(CliContext context, string description, Func<T> work, TimeSpan? delay = null) =>
        Run(context, description, Indeterminate, _ => work(), delay);

    /// <summary>Runs <paramref name="work"/>, which reports each item done through its argument.</summary>
    /// <param name="context">The run's streams and terminal settings.</param>
    /// <param name="description">What is being done, e.g. <c>testing 40 scenario files</c>.</param>
    /// <param name="total">How many items there are.</param>
    /// <param name="work">The work; it calls the progress with each finished item.</param>
    /// <param name="delay">How long before the bar appears (<see cref="DefaultDelay"/> unless a test says otherwise).</param>
    public static T Run<T>(CliContext context, string description, int total, Func<IProgress<string>, T> work, TimeSpan? delay = null)
    {
        if (!context.Terminal.ShowProgress || (total <= 1 && total != Indeterminate))
        {
            return work(new Counter());
        }

        var counter = new Counter();
        var task = Task.Run(() => work(counter));
        // WaitAny, not Wait: a failed task must rethrow its own exception below, not an AggregateException here.
        if (Task.WaitAny([task], delay ?? DefaultDelay) == 0)
        {
            return task.GetAwaiter().GetResult();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = context.Terminal.ColourError ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(context.Error),
        });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var bar = progress.AddTask(description, maxValue: Math.Max(total, 1));
                bar.IsIndeterminate = total == Indeterminate;
                while (Task.WaitAny([task], TimeSpan.FromMilliseconds(100)) < 0)
                {
                    bar.Value = counter.Done;
                }

                bar.Value = bar.MaxValue;
            });
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Counts finished items; read from the display's thread.</summary>
    private sealed class Counter : IProgress<string>
    {
        private int _done;

        public int Done => Volatile.Read(ref _done);

        public void Report(string value) => Interlocked.Increment(ref _done);
    }
}

using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>What long-running work reports: a value towards a maximum, and notable events.</summary>
internal interface IProgressReporter
{
    void SetMaximum(double maximum);
    void SetValue(double value);
    void Increment(double amount = 1);
    /// <summary>A notable event: the bar's caption in a terminal, a line of its own when output is redirected.</summary>
    void Note(string text);
}

/// <summary>A Spectre.Console progress bar in a terminal; plain lines (one per note) when output is redirected or in CI.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string caption, Func<IProgressReporter, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(new LineReporter(console));
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context => await work(new BarReporter(context.AddTask(Markup.Escape(caption), maxValue: 100), caption)));
    }

    private sealed class BarReporter(ProgressTask task, string caption) : IProgressReporter
    {
        public void SetMaximum(double maximum) { task.IsIndeterminate = false; task.MaxValue = Math.Max(1, maximum); }
        public void SetValue(double value) => task.Value = value;
        public void Increment(double amount = 1) => task.Increment(amount);
        public void Note(string text) => task.Description = Markup.Escape($"{caption}: {text}");
    }

    private sealed class LineReporter(IAnsiConsole console) : IProgressReporter
    {
        private readonly object _gate = new();
        public void SetMaximum(double maximum) { }
        public void SetValue(double value) { }
        public void Increment(double amount = 1) { }
        public void Note(string text) { lock (_gate) console.WriteLine(text); }
    }
}

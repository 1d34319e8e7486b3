namespace LeadLifecycle.Plugins.Tests;

/// <summary>Runs the same request from several threads released at once, as concurrent users would send it.</summary>
internal static class Concurrently
{
    /// <summary>Runs <paramref name="act"/> on <paramref name="parallel"/> threads started together; asserts none failed.</summary>
    public static void Run(int parallel, Action<int> act)
    {
        using var start = new Barrier(parallel);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, parallel).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try { act(i); } catch (Exception ex) { errors.Enqueue(ex); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
    }
}

using System.Diagnostics;

namespace LeadLifecycle.WebApiStandIn;

/// <summary>Enforces <see cref="ServiceProtectionLimits"/> on the stand-in's requests (one user), thread-safe.</summary>
internal sealed class ServiceProtection
{
    private readonly ServiceProtectionLimits _limits;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _requestTimes = new();
    private readonly Queue<(TimeSpan EndedAt, TimeSpan Took)> _executions = new();
    private int _concurrent;

    public ServiceProtection(ServiceProtectionLimits limits) => _limits = limits;

    public int Throttled { get; private set; }

    /// <summary>Admits a request, or says how many seconds the caller must wait (Retry-After) and which limit was hit.</summary>
    public bool TryEnter(out int retryAfterSeconds, out string limit)
    {
        lock (_requestTimes)
        {
            var now = _clock.Elapsed;
            while (_requestTimes.Count > 0 && now - _requestTimes.Peek() >= _limits.Window) _requestTimes.Dequeue();
            while (_executions.Count > 0 && now - _executions.Peek().EndedAt >= _limits.Window) _executions.Dequeue();
            (retryAfterSeconds, limit) = (0, "");
            if (_requestTimes.Count >= _limits.MaxRequests)
                (retryAfterSeconds, limit) = (Seconds(_requestTimes.Peek() + _limits.Window - now), $"Number of requests exceeded the limit of {_limits.MaxRequests} over time window of {_limits.Window.TotalSeconds:0.###} seconds.");
            else if (_executions.Sum(e => e.Took.Ticks) >= _limits.MaxExecutionTime.Ticks)
                (retryAfterSeconds, limit) = (Seconds(_executions.Peek().EndedAt + _limits.Window - now), "Combined execution time of incoming requests exceeded limit.");
            else if (_concurrent >= _limits.MaxConcurrentRequests)
                (retryAfterSeconds, limit) = (1, $"Number of concurrent requests exceeded the limit of {_limits.MaxConcurrentRequests}.");
            if (limit.Length > 0)
            {
                Throttled++;
                return false;
            }
            _requestTimes.Enqueue(now);
            _concurrent++;
            return true;
        }
    }

    public void Exit(TimeSpan took)
    {
        lock (_requestTimes)
        {
            _concurrent--;
            _executions.Enqueue((_clock.Elapsed, took));
        }
    }

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}

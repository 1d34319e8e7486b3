namespace LeadLifecycle.WebApiStandIn;

/// <summary>
/// Dataverse's service protection limits, per user, evaluated over a sliding window: number of requests, combined
/// execution time, concurrent requests. Exceeding one answers 429 Too Many Requests with Retry-After.
/// https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
/// </summary>
public sealed record ServiceProtectionLimits(TimeSpan Window, int MaxRequests, TimeSpan MaxExecutionTime, int MaxConcurrentRequests)
{
    /// <summary>The documented values: 6,000 requests and 20 minutes of execution time per 5-minute window, 52 concurrent requests.</summary>
    public static ServiceProtectionLimits Documented { get; } = new(TimeSpan.FromMinutes(5), 6000, TimeSpan.FromMinutes(20), 52);

    /// <summary>
    /// The same limits over a window <paramref name="factor"/> times shorter, with the budgets shrunk alike: the allowed
    /// rate (requests per second) is unchanged, so a run of seconds meets the limits a real bulk job meets in minutes.
    /// </summary>
    public ServiceProtectionLimits ScaledDownInTime(int factor) =>
        new(Window / factor, Math.Max(1, MaxRequests / factor), MaxExecutionTime / factor, MaxConcurrentRequests);

    /// <summary>The most requests per second the request limit allows over a window.</summary>
    public double MaxRequestsPerSecond => MaxRequests / Window.TotalSeconds;
}

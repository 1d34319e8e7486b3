namespace LeadLifecycle.LocalOrg;

/// <summary>The organization's time. Moves only when a test advances it, so dates in assertions are predictable.</summary>
public sealed class SimulatedClock
{
    private long _ticks;

    public SimulatedClock(DateTime startUtc)
    {
        _ticks = Truncate(DateTime.SpecifyKind(startUtc.Kind == DateTimeKind.Local ? startUtc.ToUniversalTime() : startUtc, DateTimeKind.Utc)).Ticks;
    }

    public DateTime UtcNow => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    /// <summary>Now, in the whole seconds Dataverse stores date-time values with.</summary>
    internal DateTime UtcNowSeconds => UtcNow;

    internal void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _ticks, by.Ticks);
    }

    internal void Set(DateTime utc) => Interlocked.Exchange(ref _ticks, Truncate(utc).Ticks);

    private static DateTime Truncate(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}

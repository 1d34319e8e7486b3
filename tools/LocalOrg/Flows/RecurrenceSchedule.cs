namespace LeadLifecycle.LocalOrg.Flows;

/// <summary>
/// When a Recurrence trigger fires (Azure Logic Apps workflow definition language, which cloud flows use): every
/// <see cref="Interval"/> × <see cref="Frequency"/> from <see cref="StartTime"/>; without a start time, from the moment
/// the flow was turned on ("if a recurrence doesn't specify a specific start date and time, the first recurrence runs
/// immediately when you save or deploy", "Schedule and run recurring workflows", learn.microsoft.com/azure/logic-apps/
/// concepts-schedule-automated-recurring-tasks-workflows). Occurrences are computed from the start, not from the last run,
/// so they never drift.
/// </summary>
internal sealed record RecurrenceSchedule(RecurrenceFrequency Frequency, int Interval, DateTime? StartTime)
{
    /// <summary>The <paramref name="index"/>-th occurrence counted from <paramref name="anchor"/> (occurrence 0 is the anchor).</summary>
    public DateTime Occurrence(DateTime anchor, long index)
    {
        var steps = checked(index * Interval);
        return Frequency switch
        {
            RecurrenceFrequency.Minute => anchor.AddMinutes(steps),
            RecurrenceFrequency.Hour => anchor.AddHours(steps),
            RecurrenceFrequency.Day => anchor.AddDays(steps),
            RecurrenceFrequency.Week => anchor.AddDays(7 * steps),
            RecurrenceFrequency.Month => anchor.AddMonths(checked((int)steps)),
            _ => throw new InvalidOperationException($"Unknown recurrence frequency {Frequency}."),
        };
    }

    public override string ToString() => $"every {Interval} {Frequency.ToString().ToLowerInvariant()}(s)" +
                                         (StartTime is { } start ? $" from {start:yyyy-MM-ddTHH:mm:ssZ}" : "");
}

/// <summary>The units a Recurrence trigger counts in that the local organization runs (no Second: a simulated clock
/// advanced by months would run millions of occurrences).</summary>
internal enum RecurrenceFrequency { Minute, Hour, Day, Week, Month }

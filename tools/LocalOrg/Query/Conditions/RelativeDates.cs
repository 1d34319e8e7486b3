using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Conditions;

/// <summary>
/// The time windows of Dataverse's relative date operators, evaluated in UTC against the query's clock
/// (Dataverse uses the caller's time zone; the local organization's users all live in UTC).
/// Weeks start on Sunday, the platform's default. Returns [start, end) — end exclusive.
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/operators
/// </summary>
internal static class RelativeDates
{
    public static bool NeedsCount(ConditionOperator op) => op is ConditionOperator.LastXHours or ConditionOperator.NextXHours
        or ConditionOperator.LastXDays or ConditionOperator.NextXDays or ConditionOperator.LastXWeeks or ConditionOperator.NextXWeeks
        or ConditionOperator.LastXMonths or ConditionOperator.NextXMonths or ConditionOperator.LastXYears or ConditionOperator.NextXYears
        or ConditionOperator.OlderThanXMinutes or ConditionOperator.OlderThanXHours or ConditionOperator.OlderThanXDays
        or ConditionOperator.OlderThanXWeeks or ConditionOperator.OlderThanXMonths or ConditionOperator.OlderThanXYears;

    /// <summary>Operators whose window depends on the clock only (today, this-month, ...).</summary>
    public static (DateTime Start, DateTime End)? WindowWithoutValue(ConditionOperator op, DateTime now)
    {
        var today = now.Date;
        var weekStart = today.AddDays(-(int)today.DayOfWeek);
        var monthStart = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var yearStart = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return op switch
        {
            ConditionOperator.Today => (today, today.AddDays(1)),
            ConditionOperator.Yesterday => (today.AddDays(-1), today),
            ConditionOperator.Tomorrow => (today.AddDays(1), today.AddDays(2)),
            ConditionOperator.Last7Days => (today.AddDays(-7), now.AddTicks(1)),
            ConditionOperator.Next7Days => (now, today.AddDays(8)),
            ConditionOperator.ThisWeek => (weekStart, weekStart.AddDays(7)),
            ConditionOperator.LastWeek => (weekStart.AddDays(-7), weekStart),
            ConditionOperator.NextWeek => (weekStart.AddDays(7), weekStart.AddDays(14)),
            ConditionOperator.ThisMonth => (monthStart, monthStart.AddMonths(1)),
            ConditionOperator.LastMonth => (monthStart.AddMonths(-1), monthStart),
            ConditionOperator.NextMonth => (monthStart.AddMonths(1), monthStart.AddMonths(2)),
            ConditionOperator.ThisYear => (yearStart, yearStart.AddYears(1)),
            ConditionOperator.LastYear => (yearStart.AddYears(-1), yearStart),
            ConditionOperator.NextYear => (yearStart.AddYears(1), yearStart.AddYears(2)),
            _ => null,
        };
    }

    /// <summary>
    /// Last X: from the start of the day (or the hour) X units ago up to now. Next X: from now to the end of the
    /// day X units ahead. Older than X: everything before now minus X units.
    /// </summary>
    public static (DateTime Start, DateTime End) WindowWithCount(ConditionOperator op, int count, DateTime now)
    {
        var today = now.Date;
        var justAfterNow = now.AddTicks(1);
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        return op switch
        {
            ConditionOperator.LastXHours => (hour.AddHours(-count), justAfterNow),
            ConditionOperator.NextXHours => (now, hour.AddHours(count + 1)),
            ConditionOperator.LastXDays => (today.AddDays(-count), justAfterNow),
            ConditionOperator.NextXDays => (now, today.AddDays(count + 1)),
            ConditionOperator.LastXWeeks => (today.AddDays(-7 * count), justAfterNow),
            ConditionOperator.NextXWeeks => (now, today.AddDays(7 * count + 1)),
            ConditionOperator.LastXMonths => (today.AddMonths(-count), justAfterNow),
            ConditionOperator.NextXMonths => (now, today.AddMonths(count).AddDays(1)),
            ConditionOperator.LastXYears => (today.AddYears(-count), justAfterNow),
            ConditionOperator.NextXYears => (now, today.AddYears(count).AddDays(1)),
            ConditionOperator.OlderThanXMinutes => (DateTime.MinValue, now.AddMinutes(-count)),
            ConditionOperator.OlderThanXHours => (DateTime.MinValue, now.AddHours(-count)),
            ConditionOperator.OlderThanXDays => (DateTime.MinValue, now.AddDays(-count)),
            ConditionOperator.OlderThanXWeeks => (DateTime.MinValue, now.AddDays(-7 * count)),
            ConditionOperator.OlderThanXMonths => (DateTime.MinValue, now.AddMonths(-count)),
            ConditionOperator.OlderThanXYears => (DateTime.MinValue, now.AddYears(-count)),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a relative date operator with a count."),
        };
    }
}

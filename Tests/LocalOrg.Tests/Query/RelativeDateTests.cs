using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>
/// The windows of the relative date operators around the query clock (Wednesday 2026-11-18 15:30 UTC).
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/operators
/// </summary>
public class RelativeDateTests : QueryTestBase
{
    [Theory]
    [InlineData(ConditionOperator.Yesterday, "2026-11-17T00:00:00Z", "2026-11-17T23:59:59Z", "2026-11-18T00:00:00Z")]
    [InlineData(ConditionOperator.Tomorrow, "2026-11-19T00:00:00Z", "2026-11-19T23:59:59Z", "2026-11-18T23:59:59Z")]
    [InlineData(ConditionOperator.ThisWeek, "2026-11-15T00:00:00Z", "2026-11-21T23:59:59Z", "2026-11-14T23:59:59Z")]
    [InlineData(ConditionOperator.LastWeek, "2026-11-08T00:00:00Z", "2026-11-14T23:59:59Z", "2026-11-15T00:00:00Z")]
    [InlineData(ConditionOperator.NextMonth, "2026-12-01T00:00:00Z", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    [InlineData(ConditionOperator.LastYear, "2025-01-01T00:00:00Z", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z")]
    [InlineData(ConditionOperator.Last7Days, "2026-11-11T00:00:00Z", "2026-11-18T15:30:00Z", "2026-11-18T15:30:01Z")]
    public void Window_without_a_value(ConditionOperator op, string firstInside, string lastInside, string outside)
    {
        Assert.Equal(new[] { "first", "last" }, Matching(op, null, firstInside, lastInside, outside));
    }

    [Theory]
    [InlineData(ConditionOperator.LastXHours, 2, "2026-11-18T13:00:00Z", "2026-11-18T15:30:00Z", "2026-11-18T12:59:59Z")]
    [InlineData(ConditionOperator.NextXHours, 2, "2026-11-18T15:30:00Z", "2026-11-18T17:59:59Z", "2026-11-18T18:00:00Z")]
    [InlineData(ConditionOperator.LastXDays, 1, "2026-11-17T00:00:00Z", "2026-11-18T15:30:00Z", "2026-11-16T23:59:59Z")]
    [InlineData(ConditionOperator.NextXDays, 1, "2026-11-18T15:30:00Z", "2026-11-19T23:59:59Z", "2026-11-20T00:00:00Z")]
    [InlineData(ConditionOperator.LastXMonths, 1, "2026-10-18T00:00:00Z", "2026-11-18T15:30:00Z", "2026-10-17T23:59:59Z")]
    [InlineData(ConditionOperator.OlderThanXHours, 1, "2020-01-01T00:00:00Z", "2026-11-18T14:29:59Z", "2026-11-18T14:30:00Z")]
    [InlineData(ConditionOperator.OlderThanXWeeks, 1, "2020-01-01T00:00:00Z", "2026-11-11T15:29:59Z", "2026-11-11T15:30:00Z")]
    public void Window_with_a_count(ConditionOperator op, int count, string firstInside, string lastInside, string outside)
    {
        Assert.Equal(new[] { "first", "last" }, Matching(op, count, firstInside, lastInside, outside));
    }

    private string[] Matching(ConditionOperator op, int? count, params string[] times)
    {
        var names = new[] { "first", "last", "outside" };
        for (var i = 0; i < times.Length; i++)
        {
            var when = DateTime.Parse(times[i], null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Store.With(Rows.Contact(names[i], c => c["modifiedon"] = when));
        }
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.Conditions.Add(count is null ? new ConditionExpression("modifiedon", op) : new ConditionExpression("modifiedon", op, count.Value));
        return Names(query, "fullname");
    }
}

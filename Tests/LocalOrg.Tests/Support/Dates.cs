namespace LeadLifecycle.LocalOrg.Tests.Support;

internal static class Dates
{
    public static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
}

using LeadLifecycle.Cli.Simulate;

namespace LeadLifecycle.Cli.Tests;

public sealed class SimulationPartsTests
{
    [Theory]
    [InlineData("P400D", "2026-01-05T09:00:00Z", 400 * 24.0)]
    [InlineData("PT2H", "2026-01-05T09:00:00Z", 2.0)]
    [InlineData("P1M", "2026-01-31T00:00:00Z", 28 * 24.0)]   // calendar month: to Feb 28 2026
    [InlineData("P1Y", "2028-01-01T00:00:00Z", 366 * 24.0)]  // a leap year
    [InlineData("P1W2DT30M", "2026-01-05T09:00:00Z", 9 * 24.0 + 0.5)]
    public void Durations_are_ISO_8601_with_calendar_years_and_months(string duration, string from, double hours)
    {
        var start = DateTime.Parse(from, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(TimeSpan.FromHours(hours), IsoDuration.Measure(duration, start));
    }

    [Theory]
    [InlineData("400D")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P-1D")]
    public void A_malformed_duration_fails_the_step_with_an_example(string duration)
    {
        var error = Assert.Throws<ScenarioStepException>(() => IsoDuration.Measure(duration, DateTime.UtcNow));

        Assert.Contains("P400D", error.Message);
    }
}

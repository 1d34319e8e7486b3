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

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2026-01-05", "2026-01-05T00:00:00Z")]
    [InlineData("2026-01-05T09:00", "2026-01-05T09:00:00Z")]
    [InlineData("2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z")]
    [InlineData("2026-01-05T09:00:00.5Z", "2026-01-05T09:00:00.5Z")]
    [InlineData("2026-01-05T10:00:00+01:00", "2026-01-05T09:00:00Z")]
    [InlineData("2026-01-05T09:00:00", "2026-01-05T09:00:00Z")] // no zone: UTC
    public void ISO_8601_dates_are_read_in_UTC(string text, string expected)
    {
        Assert.True(IsoDate.TryParse(text, out var date));

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    [Theory]
    [InlineData("01/02/2026")]
    [InlineData("5 January 1990")]
    [InlineData("Mon, 05 Jan 2026 09:00:00 GMT")]
    [InlineData("2026-1-5")]
    [InlineData("2026-13-01")]
    [InlineData("20260105")]
    [InlineData("")]
    public void Ambiguous_or_culture_bound_dates_are_refused(string text) => Assert.False(IsoDate.TryParse(text, out _));
}

public sealed class TextWrapTests
{
    [Fact]
    public void Lines_break_between_words_and_never_pass_the_width()
    {
        var lines = TextWrap.Lines("former customer: term ended on 2027-02-01, 12 whole month(s) ago; default retention", 30, "  ", "      ");

        Assert.Equal(["  former customer: term ended", "      on 2027-02-01, 12 whole", "      month(s) ago; default", "      retention"], lines);
        Assert.All(lines, line => Assert.True(line.Length <= 30));
    }

    [Fact]
    public void A_word_longer_than_a_line_is_split_as_nothing_else_fits()
    {
        var lines = TextWrap.Lines(new string('x', 25), 10, "", "");

        Assert.Equal(["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"], lines);
    }
}

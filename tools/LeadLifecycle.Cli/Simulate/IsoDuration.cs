using System.Globalization;
using System.Text.RegularExpressions;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>ISO-8601 durations (P400D, PT2H, P1Y2M10DT2H30M, P2W); years and months are calendar ones, counted from a date.</summary>
public static partial class IsoDuration
{
    [GeneratedRegex(@"^P(?!$)(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?=\d)(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex Pattern();

    public static bool IsWellFormed(string? duration) => Pattern().IsMatch(duration ?? "");

    /// <summary>The time from <paramref name="from"/> to <paramref name="from"/> plus the duration.</summary>
    public static TimeSpan Measure(string duration, DateTime from)
    {
        var match = Pattern().Match(duration ?? "");
        if (!match.Success)
            throw new ScenarioStepException($"'{duration}' is not an ISO-8601 duration such as P400D, P1M or PT2H.");
        try
        {
            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var to = from.AddYears(Part("y")).AddMonths(Part("mo")).AddDays(7.0 * Part("w") + Part("d"))
                .AddHours(Part("h")).AddMinutes(Part("mi"))
                .AddSeconds(match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0);
            return to - from;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            // DateTime ends at 9999-12-31: "Years value must be between +/-10000" says nothing about the scenario.
            throw new ScenarioStepException($"\"advance\": '{duration}' would move the clock from {from:yyyy-MM-dd} past the year 9999; " +
                                            "give a shorter duration.");
        }
    }
}

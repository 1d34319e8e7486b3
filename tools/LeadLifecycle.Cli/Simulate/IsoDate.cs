using System.Globalization;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// ISO-8601 dates as the scenario format accepts them, and nothing else: the extended calendar-date form
/// (yyyy-MM-dd), optionally followed by T and a time (HH:mm, HH:mm:ss, fractions of a second) and a zone (Z or ±hh:mm).
/// No zone means UTC. "01/02/2026" (day or month first?), "5 January 1990" and RFC 1123 dates are refused: they are
/// ambiguous or culture-bound, and a scenario must mean the same on every machine.
/// </summary>
public static class IsoDate
{
    public const string Example = "2026-01-05T09:00:00Z";

    private static readonly string[] Formats = BuildFormats();

    private static string[] BuildFormats()
    {
        string[] times = ["", "'T'HH:mm", "'T'HH:mm:ss", "'T'HH:mm:ss.FFFFFFF"];
        string[] zones = ["", "'Z'", "zzz"];
        return times.SelectMany(time => time.Length == 0 ? [$"yyyy-MM-dd"] : zones.Select(zone => $"yyyy-MM-dd{time}{zone}")).ToArray();
    }

    public static bool TryParse(string text, out DateTime utc) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
}

using Spectre.Console;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The lines of the simulate report, written straight to the output (ANSI colours when the console shows them):
/// a 10,000-step timeline is 20,000 lines, and rendering each through Spectre's markup pipeline cost more than the
/// steps themselves. Lines are wrapped by the report to <see cref="Width"/> before they get here.
/// </summary>
public sealed class ReportWriter(TextWriter output, int width, bool ansi)
{
    public enum Style { Plain, Green, Red, Grey, Bold }

    /// <summary>Where a line must end: one column short of the console's width, so no terminal wraps it again.</summary>
    public int Width { get; } = Math.Max(40, width - 1);

    public static ReportWriter For(CliHost host) =>
        new(host.Out, host.Console.Profile.Width, host.Console.Profile.Capabilities.Ansi);

    public void Line(string text = "") => output.WriteLine(text);

    public void Line(string text, Style style) => output.WriteLine(Styled(text, style));

    /// <summary>A line whose last occurrence of <paramref name="part"/> is styled (the outcome of a step in its header).</summary>
    public void Line(string text, string part, Style style)
    {
        var at = text.LastIndexOf(part, StringComparison.Ordinal);
        output.WriteLine(at < 0 || !ansi ? text : text[..at] + Styled(part, style) + text[(at + part.Length)..]);
    }

    private string Styled(string text, Style style) => !ansi || style == Style.Plain ? text : style switch
    {
        Style.Green => $"\u001b[32m{text}\u001b[0m",
        Style.Red => $"\u001b[31m{text}\u001b[0m",
        Style.Grey => $"\u001b[90m{text}\u001b[0m",
        _ => $"\u001b[1m{text}\u001b[0m",
    };
}

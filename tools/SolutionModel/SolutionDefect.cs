namespace LeadLifecycle.SolutionModel;

public enum DefectSeverity { Warning, Error }

/// <summary>A problem an import of the zip would hit (Error) or that we cannot rule out (Warning).</summary>
/// <param name="Rule">Stable rule name, e.g. "step-filtering-attributes".</param>
/// <param name="Component">The component concerned, as a person reads it: "step 'X: Update of lead'".</param>
public sealed record SolutionDefect(string Rule, DefectSeverity Severity, string Component, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} [{Rule}] {Component}: {Message}";
}

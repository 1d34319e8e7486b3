using System.Xml.Linq;

namespace LeadLifecycle.Cli.Deploy;

/// <summary>
/// The import job's result (importjob.data): every component element carries a &lt;result result="success|warning|failure"
/// errorcode=".." errortext=".."/&gt;; grouped by the kind of component (entities, optionSets, SdkMessageProcessingSteps, ...).
/// </summary>
public sealed record ImportJobSummary(IReadOnlyList<ImportJobSummary.Group> Groups, IReadOnlyList<ImportJobSummary.Problem> Problems)
{
    public sealed record Group(string Kind, int Succeeded, int Warnings, int Failed);
    public sealed record Problem(string Kind, string Component, string Result, string? ErrorCode, string Message);

    public bool HasFailures => Groups.Any(group => group.Failed > 0);

    public static ImportJobSummary Parse(string? data)
    {
        if (string.IsNullOrWhiteSpace(data)) return new ImportJobSummary([], []);
        var results = XDocument.Parse(data).Descendants("result").Where(result => result.Parent is not null).ToList();
        var groups = results
            .GroupBy(result => KindOf(result.Parent!))
            .Select(kind => new Group(kind.Key,
                kind.Count(r => Outcome(r) == "success"), kind.Count(r => Outcome(r) == "warning"), kind.Count(r => Outcome(r) == "failure")))
            .ToList();
        var problems = results.Where(r => Outcome(r) is "failure" or "warning")
            .Select(r => new Problem(KindOf(r.Parent!), NameOf(r.Parent!), Outcome(r), (string?)r.Attribute("errorcode"),
                (string?)r.Attribute("errortext") ?? ""))
            .ToList();
        return new ImportJobSummary(groups, problems);
    }

    private static string Outcome(XElement result) => ((string?)result.Attribute("result") ?? "").ToLowerInvariant();

    // The container of the component element (<entities><entity>...) names the kind; solutionManifest stands alone.
    private static string KindOf(XElement component) => component.Parent?.Name.LocalName ?? component.Name.LocalName;

    private static string NameOf(XElement component) =>
        (string?)component.Attribute("LocalizedName") ?? (string?)component.Attribute("name")
        ?? (string?)component.Attribute("id") ?? component.Name.LocalName;
}

using System.IO.Compression;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// The sdkmessage ids a packed solution's steps name, to compare with a target organization's sdkmessage rows before
/// importing (`llc deploy`). Every step ships its SdkMessageId, as every exported step does (<see cref="SdkMessages"/>
/// cites where each id is published); platform messages have the same id in every organization, so a difference means a
/// wrong id in the package or an organization we do not understand, and nothing should be imported.
/// </summary>
public static class StepMessageIds
{
    /// <summary>One step's message: its name (from the id when we know it, else from the step name) and the id it ships.</summary>
    /// <param name="IsCustomApi">The message is a custom API of the same package: the import creates it, with an id of
    /// the organization's, so there is nothing to compare before importing.</param>
    public sealed record StepMessage(string Step, string Message, Guid? Id, bool IsCustomApi = false);

    public static IReadOnlyList<StepMessage> Used(byte[] solutionZip)
    {
        var (customizations, customApis) = Read(solutionZip);
        return Used(customizations, customApis);
    }

    public static IReadOnlyList<StepMessage> Used(XDocument customizations, IReadOnlySet<string>? customApis = null) =>
        (customizations.Root?.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? [])
        .Select(step => (Step: step, Message: RegistrationParser.MessageOf(step) ?? ""))
        .Select(s => new StepMessage(s.Step.Attr("Name") ?? s.Step.Attr("SdkMessageProcessingStepId") ?? "", s.Message, s.Step.Guid("SdkMessageId"),
            customApis?.Contains(s.Message) == true))
        .ToList();

    /// <summary>What keeps <paramref name="solutionZip"/> from importing into an organization whose sdkmessage rows are
    /// <paramref name="organizationIds"/> (name → id): a step without an id or without a message, a message the
    /// organization lacks, an id that differs from the organization's. Empty when every step's id is the organization's.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<StepMessage> used, IReadOnlyDictionary<string, Guid> organizationIds)
    {
        var ids = new Dictionary<string, Guid>(organizationIds, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var step in used)
        {
            if (step.Id is null) problems.Add($"step '{step.Step}' has no SdkMessageId");
            else if (step.Message.Length == 0) problems.Add($"step '{step.Step}' names sdkmessage {step.Id}, a message neither known here nor named in the step name");
        }
        foreach (var message in used.Where(s => s.Id is not null && s.Message.Length > 0 && !s.IsCustomApi).GroupBy(s => s.Message, StringComparer.OrdinalIgnoreCase))
        {
            if (!ids.TryGetValue(message.Key, out var organizationId))
                problems.Add($"the organization has no message {message.Key} (sdkmessage), which {message.Count()} step(s) register on");
            else
                foreach (var step in message.Where(s => s.Id != organizationId))
                    problems.Add($"step '{step.Step}' names sdkmessage {step.Id} for {message.Key}, the organization's {message.Key} is {organizationId}");
        }
        return problems;
    }

    /// <summary>customizations.xml and the unique names of the custom APIs (customapis/&lt;uniquename&gt;/customapi.xml).</summary>
    private static (XDocument Customizations, IReadOnlySet<string> CustomApis) Read(byte[] solutionZip)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(solutionZip), ZipArchiveMode.Read);
            var entry = zip.GetEntry("customizations.xml") ?? throw new SolutionFormatException("the zip has no customizations.xml at its root");
            using var reader = new StreamReader(entry.Open());
            var customApis = zip.Entries.Select(e => e.FullName.Split('/')).Where(p => p is ["customapis", _, "customapi.xml"]).Select(p => p[1])
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (Xml.Parse(reader.ReadToEnd(), "customizations.xml"), customApis);
        }
        catch (InvalidDataException e) { throw new SolutionFormatException($"not a readable zip: {e.Message}", e); }
    }
}

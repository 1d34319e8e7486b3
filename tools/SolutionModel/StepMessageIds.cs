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
    public sealed record StepMessage(string Step, string Message, Guid? Id);

    public static IReadOnlyList<StepMessage> Used(byte[] solutionZip) => Used(ReadCustomizations(solutionZip));

    public static IReadOnlyList<StepMessage> Used(XDocument customizations) =>
        (customizations.Root?.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? [])
        .Select(step => new StepMessage(step.Attr("Name") ?? step.Attr("SdkMessageProcessingStepId") ?? "", RegistrationParser.MessageOf(step) ?? "", step.Guid("SdkMessageId")))
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
        foreach (var message in used.Where(s => s.Id is not null && s.Message.Length > 0).GroupBy(s => s.Message, StringComparer.OrdinalIgnoreCase))
        {
            if (!ids.TryGetValue(message.Key, out var organizationId))
                problems.Add($"the organization has no message {message.Key} (sdkmessage), which {message.Count()} step(s) register on");
            else
                foreach (var step in message.Where(s => s.Id != organizationId))
                    problems.Add($"step '{step.Step}' names sdkmessage {step.Id} for {message.Key}, the organization's {message.Key} is {organizationId}");
        }
        return problems;
    }

    private static XDocument ReadCustomizations(byte[] solutionZip)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(solutionZip), ZipArchiveMode.Read);
            var entry = zip.GetEntry("customizations.xml") ?? throw new SolutionFormatException("the zip has no customizations.xml at its root");
            using var reader = new StreamReader(entry.Open());
            return Xml.Parse(reader.ReadToEnd(), "customizations.xml");
        }
        catch (InvalidDataException e) { throw new SolutionFormatException($"not a readable zip: {e.Message}", e); }
    }
}

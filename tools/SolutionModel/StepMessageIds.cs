using System.IO.Compression;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>
/// Completes a packed solution's steps with the sdkmessageid of their message. A platform message has the same id in
/// every organization, but the ids of QualifyLead, Win and Lose are not published anywhere we could verify, so the
/// build packs those steps without one (see <see cref="SdkMessages"/>). Any organization can tell them
/// (<c>sdkmessages?$filter=name eq 'QualifyLead'</c>): `llc deploy` asks the target organization and fills them in
/// before the import, and can save the completed zip for imports elsewhere.
/// </summary>
public static class StepMessageIds
{
    /// <summary>The messages (canonical names, each once) of the steps in <paramref name="solutionZip"/> that have
    /// no SdkMessageId.</summary>
    public static IReadOnlyList<string> Missing(byte[] solutionZip) => Missing(ReadCustomizations(solutionZip));

    public static IReadOnlyList<string> Missing(XDocument customizations) =>
        StepsWithoutId(customizations).Select(s => s.Message).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>A copy of <paramref name="solutionZip"/> whose steps without SdkMessageId carry the id of their
    /// message from <paramref name="idsByMessage"/> (every other entry is copied byte for byte). Throws
    /// <see cref="SolutionFormatException"/> naming the messages it has no id for.</summary>
    public static byte[] Fill(byte[] solutionZip, IReadOnlyDictionary<string, Guid> idsByMessage)
    {
        var customizations = ReadCustomizations(solutionZip);
        var ids = new Dictionary<string, Guid>(idsByMessage, StringComparer.OrdinalIgnoreCase);
        var steps = StepsWithoutId(customizations).ToList();
        var unknown = steps.Select(s => s.Message).Where(m => !ids.ContainsKey(m)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            throw new SolutionFormatException($"no sdkmessageid for {string.Join(", ", unknown)}: the steps on it cannot be completed");
        foreach (var (step, message) in steps)
            XsdOrder.Set(step, XsdOrder.SdkMessageProcessingStep, "SdkMessageId", ids[message].ToString());
        return Rewrite(solutionZip, "customizations.xml", SolutionPacker.Serialize(customizations));
    }

    private static IEnumerable<(XElement Step, string Message)> StepsWithoutId(XDocument customizations) =>
        (customizations.Root?.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? [])
        .Where(step => step.Text("SdkMessageId") is null)
        .Select(step => (step, Message: SdkMessages.FromStepName(step.Attr("Name")) is { } m ? SdkMessages.Canonical(m) ?? m : null))
        .Where(s => s.Message is not null)
        .Select(s => (s.step, s.Message!));

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

    /// <summary>The same zip with one entry's content replaced; entry order, names and the other contents unchanged.</summary>
    private static byte[] Rewrite(byte[] zipBytes, string entryName, byte[] content)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var to = copy.Open();
                if (entry.FullName == entryName) to.Write(content);
                else { using var from = entry.Open(); from.CopyTo(to); }
            }
        }
        return output.ToArray();
    }
}

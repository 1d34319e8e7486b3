using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace LeadLifecycle.WebApiStandIn;

// The sdkmessage table, and the one check the stand-in's import makes on the solution's steps: each must name its
// message by SdkMessageId, as every step of a solution exported from Dataverse does. Whether a real import refuses a
// step without one is not documented; the stand-in assumes it does, the cautious reading.
public sealed partial class StandInOrganization
{
    /// <summary>sdkmessage rows (name → id). Create and Update carry their real ids; the ids of QualifyLead, Win and
    /// Lose here are the stand-in's own (the real ones are not published).</summary>
    public static readonly IReadOnlyDictionary<string, Guid> StandInSdkMessages = new Dictionary<string, Guid>
    {
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["QualifyLead"] = new("5a0c1d1e-0000-4000-8000-0000000000a1"),
        ["Win"] = new("5a0c1d1e-0000-4000-8000-0000000000a2"),
        ["Lose"] = new("5a0c1d1e-0000-4000-8000-0000000000a3"),
    };

    private static ConcurrentDictionary<Guid, JsonObject> SdkMessageRows()
    {
        var rows = new ConcurrentDictionary<Guid, JsonObject>();
        foreach (var (name, id) in StandInSdkMessages)
            rows[id] = new JsonObject { ["sdkmessageid"] = id.ToString(), ["name"] = name };
        return rows;
    }

    /// <summary>The first step of the imported package that has no SdkMessageId, as the import job would name it.</summary>
    private static string? StepWithoutMessageId(string customizationFileBase64)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(customizationFileBase64)), ZipArchiveMode.Read);
            var entry = zip.GetEntry("customizations.xml");
            if (entry is null) return null;
            using var stream = entry.Open();
            return XDocument.Load(stream).Root?.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep")
                .FirstOrDefault(step => string.IsNullOrWhiteSpace(step.Element("SdkMessageId")?.Value))
                ?.Attribute("Name")?.Value;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Xml.XmlException)
        {
            return null; // not a zip the stand-in can read: the tests that send one do not look at steps
        }
    }
}

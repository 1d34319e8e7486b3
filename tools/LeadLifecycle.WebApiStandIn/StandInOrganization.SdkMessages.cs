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
    /// <summary>sdkmessage rows (name → id) with the ids every organization has: the SdkMessageBase table of a Dynamics 365
    /// 8.2 organization database (phuocle/DynamicsCrmSource, 8.2/8.2.0.0749/Database/Data/dbo.SdkMessageBase.Table.sql).
    /// Tests change or remove rows to stand for an organization that disagrees.</summary>
    public static readonly IReadOnlyDictionary<string, Guid> StandInSdkMessages = new Dictionary<string, Guid>
    {
        ["Assign"] = new("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Associate"] = new("16e7c888-3b24-448b-b7da-ebfe9b681762"),
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Disassociate"] = new("bdfc191d-fc56-493a-a6b1-cb0c47a22ecc"),
        ["Lose"] = new("d1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["QualifyLead"] = new("644c3365-b36c-431e-b76b-5c3e48adee55"),
        ["Retrieve"] = new("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveMultiple"] = new("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetState"] = new("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetStateDynamicEntity"] = new("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Win"] = new("27bebb1b-ea3e-db11-86a7-000a3a5473e8"),
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

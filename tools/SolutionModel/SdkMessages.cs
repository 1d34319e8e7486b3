namespace LeadLifecycle.SolutionModel;

/// <summary>
/// sdkmessageid values of the platform messages steps of this solution may register on. A platform message has the same
/// id in every organization, which is why an exported step names its message by id alone. Sources:
/// <list type="bullet">
/// <item>the SdkMessageBase table of a Dynamics 365 8.2 organization database, published in phuocle/DynamicsCrmSource
/// (8.2/8.2.0.0749/Database/Data/dbo.SdkMessageBase.Table.sql): every id below, by the row's Name — QualifyLead
/// 644c3365-b36c-431e-b76b-5c3e48adee55 (not in the …bb1b-ea3e-db11-86a7-000a3a5473e8 series: the message arrived
/// with CRM 2011), Associate 16e7c888-…, Disassociate bdfc191d-…;</item>
/// <item>Win and Lose independently in real SolutionPackager extracts, phuocle/Dynamics-Crm-DevKit
/// (test/level1/DevKitLevel1.SolutionPackager/Extract/*/SdkMessageProcessingSteps/, the steps
/// …PostOpportunityWinAsynchronous and …PostOpportunityLoseAsynchronous on opportunity);</item>
/// <item>Create, Update, Delete, Assign, Retrieve, RetrieveMultiple, SetState, SetStateDynamicEntity also on Microsoft
/// Learn, "Use messages with the SDK for .NET" (sdkmessages query output).</item>
/// </list>
/// The platform names the opportunity messages "Win" and "Lose" (WinOpportunityRequest and LoseOpportunityRequest are
/// their requests; context.MessageName is "Win"), while QualifyLead is "QualifyLead". `llc deploy` still compares each
/// step's id with the target organization's sdkmessage rows before importing.
/// </summary>
public static class SdkMessages
{
    private static readonly Dictionary<string, Guid> IdsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Assign"] = new("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Retrieve"] = new("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveMultiple"] = new("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetState"] = new("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetStateDynamicEntity"] = new("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["QualifyLead"] = new("644c3365-b36c-431e-b76b-5c3e48adee55"),
        ["Win"] = new("27bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Lose"] = new("d1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Associate"] = new("16e7c888-3b24-448b-b7da-ebfe9b681762"),
        ["Disassociate"] = new("bdfc191d-fc56-493a-a6b1-cb0c47a22ecc"),
    };

    /// <summary>Messages a step of this solution may use (custom API names are valid messages too).</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "Create", "Update", "Delete", "Retrieve", "RetrieveMultiple", "SetState", "SetStateDynamicEntity", "Assign",
        "QualifyLead", "Win", "Lose", "Associate", "Disassociate",
    ];

    /// <summary>The pipeline message a request runs as, where it differs from the SDK request's RequestName: steps
    /// register on, and plug-ins see in context.MessageName, "Win" and "Lose" for WinOpportunityRequest and
    /// LoseOpportunityRequest.</summary>
    public static string PipelineMessageOf(string requestName) => requestName switch
    {
        _ when string.Equals(requestName, "WinOpportunity", StringComparison.OrdinalIgnoreCase) => "Win",
        _ when string.Equals(requestName, "LoseOpportunity", StringComparison.OrdinalIgnoreCase) => "Lose",
        _ => requestName,
    };

    /// <summary>Messages that have no primary table: steps on them leave PrimaryEntity empty or "none".</summary>
    public static readonly IReadOnlyList<string> WithoutPrimaryEntity = ["Associate", "Disassociate"];

    public static Guid? IdOf(string message) => IdsByName.TryGetValue(message, out var id) ? id : null;

    public static string? NameOf(Guid id) => IdsByName.FirstOrDefault(p => p.Value == id).Key;

    /// <summary>The canonical spelling of a known message ("update" → "Update"), or null.</summary>
    public static string? Canonical(string message) => Known.FirstOrDefault(m => string.Equals(m, message, StringComparison.OrdinalIgnoreCase));

    /// <summary>The message named in a step name written the Plugin Registration Tool way:
    /// "LeadLifecycle.Plugins.X: QualifyLead of lead" or "...: Associate of any Entity".</summary>
    public static string? FromStepName(string? stepName)
    {
        if (string.IsNullOrWhiteSpace(stepName)) return null;
        var colon = stepName.LastIndexOf(':');
        var rest = (colon >= 0 ? stepName[(colon + 1)..] : stepName).Trim();
        var of = rest.IndexOf(" of ", StringComparison.OrdinalIgnoreCase);
        var message = (of >= 0 ? rest[..of] : rest).Trim();
        return message.Length == 0 || message.Contains(' ') ? null : message;
    }
}

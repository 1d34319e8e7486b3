namespace LeadLifecycle.SolutionModel;

/// <summary>
/// sdkmessageid values of the platform messages we may register steps on. Platform messages have the same id in
/// every organization, which is why an exported step names its message by id alone. Source of every id below:
/// Microsoft Learn, "Use messages with the SDK for .NET" (sdkmessages query output listing Assign, Create, Delete,
/// Retrieve, RetrieveMultiple, SetState, SetStateDynamicEntity, Update).
/// QualifyLead, Win, Lose, Associate and Disassociate are valid step messages whose ids we
/// could not verify from a public source: a step on them names its message in its Name ("Type: Message of table")
/// and is packed without SdkMessageId; the checker reports that as a warning, and `llc deploy` completes such steps with
/// the target organization's ids before importing (<see cref="StepMessageIds"/>).
/// Searched again (public code, docs and issues: exported customizations.xml, unpacked SdkMessageProcessingSteps,
/// hard-coded sdkmessage id lists): no real export names the id of QualifyLead, Win or Lose, so none is added.
/// Found meanwhile: the platform names the opportunity messages "Win" and "Lose" (WinOpportunityRequest and
/// LoseOpportunityRequest are their requests; public plug-ins test context.MessageName == "Win"), while QualifyLead
/// is "QualifyLead" (Microsoft Learn names a step "…LeadPrimaryContactPostCreate: QualifyLead of lead").
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

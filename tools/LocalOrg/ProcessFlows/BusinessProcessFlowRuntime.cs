using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Security;
using LeadLifecycle.LocalOrg.Storage;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.ProcessFlows;

/// <summary>
/// Business process flows as Dataverse runs them, read from the shipped definitions (workflow rows of category 4 and
/// their XAML: stages, NextStageId, branch conditions). Source: learn.microsoft.com, "Work with business process flows
/// using code" (power-automate/developer/business-process-flows-code):
/// <list type="bullet">
/// <item><b>Applied on create</b> ("Apply business process flow while creating an entity record"): of the activated flows
/// whose PrimaryEntity is the new row's table (and TriggerOnCreate), those the user has access to (privileges on the flow's
/// table: "Manage security for business process flows"), the one with the least processorder; a Target <c>processid</c> of
/// Guid.Empty applies none, a flow reference applies that flow. The instance is written in the core operation, in the
/// Create's transaction, so the post-operation steps find it (the sources do not say at which stage the platform writes it:
/// our choice).</item>
/// <item><b>Stage navigation</b> ("Stage navigation"; "Use RetrieveProcessInstances and RetrieveActivePath messages"): a
/// change of activestageid goes to the next or previous stage of the active path only; any other is refused with
/// "Invalid stage transition. Transition to stage … is not in the process active path." (the Dynamics CRM team's article
/// "Best practices for automating business process stage progression in Dynamics 365", dynamicsuser.net). traversedpath
/// ends with the new active stage: kept by the platform when the caller leaves it out (our choice: the documentation
/// always passes it), refused when given otherwise.</item>
/// <item><b>Active path</b>: the traversed stages up to the active one, then from the active stage on, each stage's first
/// branch whose condition holds on the primary row (the last branch has none), else its NextStageId.</item>
/// <item><b>Create of an instance</b> ("Create a business process flow entity record"): activestageid a stage of the flow;
/// another than the first needs traversedpath, ending with it.</item>
/// </list>
/// </summary>
internal sealed class BusinessProcessFlowRuntime
{
    public const int BusinessProcessFlowCategory = 4;

    private readonly LocalOrganization _org;
    private readonly Dictionary<string, WorkflowDefinition> _flowByTable;

    public BusinessProcessFlowRuntime(LocalOrganization org)
    {
        _org = org;
        _flowByTable = org.Solution.Workflows
            .Where(w => w.Category == BusinessProcessFlowCategory && w.Stages.Count > 0 && w.UniqueName.Length > 0)
            .ToDictionary(w => w.UniqueName, StringComparer.OrdinalIgnoreCase);
    }

    public bool IsFlowTable(string table) => _flowByTable.ContainsKey(table);

    public WorkflowDefinition? FlowOfTable(string table) => _flowByTable.TryGetValue(table, out var flow) ? flow : null;

    /// <summary>The lookup of a flow's table to its primary table: bpf_&lt;primary entity&gt;id (bpf_leadid).</summary>
    public static string PrimaryLookup(WorkflowDefinition flow) => "bpf_" + flow.PrimaryEntity.ToLowerInvariant() + "id";

    // ---- applied on create ---------------------------------------------------------------------------------------------

    /// <summary>Takes the legacy <c>processid</c> override off a Create's Target (the only supported use of that column) before
    /// the row is written: null (not given), Guid.Empty (apply none) or a flow's id.</summary>
    public Guid? TakeProcessOverride(Entity target)
    {
        if (!_flowByTable.Values.Any(f => string.Equals(f.PrimaryEntity, target.LogicalName, StringComparison.OrdinalIgnoreCase))) return null;
        if (!target.Attributes.TryGetValue("processid", out var value)) return null;
        target.Attributes.Remove("processid");
        return value switch
        {
            Guid id => id,
            EntityReference reference => reference.Id,
            null => Guid.Empty,
            _ => throw Faults.WrongType(target.LogicalName, "processid", value, "EntityReference (workflow) or Guid"),
        };
    }

    /// <summary>The flow applied to a new row of <paramref name="table"/> created by <paramref name="userId"/>, or null.</summary>
    public WorkflowDefinition? DefaultFlow(string table, Guid userId, Guid? requested)
    {
        var flows = _flowByTable.Values.Where(f => f.StateCode == 1 && string.Equals(f.PrimaryEntity, table, StringComparison.OrdinalIgnoreCase));
        if (requested == Guid.Empty) return null;
        if (requested is Guid id) return flows.FirstOrDefault(f => f.Id == id) ?? throw Faults.DoesNotExist("workflow", id);
        return flows.Where(f => f.TriggerOnCreate)
            .OrderBy(f => f.ProcessOrder ?? int.MaxValue)
            .FirstOrDefault(f => _org.Guard.Holds(userId, f.UniqueName, AccessRight.Create) && _org.Guard.Holds(userId, f.UniqueName, AccessRight.Read));
    }

    /// <summary>Applies the default flow to the row just created (see the class summary): one instance, at the first stage.</summary>
    public void ApplyOnCreate(Operation op, string table, Guid rowId, Guid? requested)
    {
        var flow = DefaultFlow(table, op.UserId, requested);
        if (flow is null) return;
        var first = flow.Stages[0];
        var instance = new Entity(flow.UniqueName)
        {
            ["bpf_name"] = flow.Name,
            [PrimaryLookup(flow)] = new EntityReference(table, rowId),
            ["processid"] = new EntityReference("workflow", flow.Id),
            ["activestageid"] = new EntityReference("processstage", first.Id),
            ["activestagestartedon"] = _org.Clock.UtcNowSeconds,
            ["traversedpath"] = first.Id.ToString(),
        };
        op.Writer.Create(op.Transaction, instance, op.UserId);
    }

    // ---- instance writes -----------------------------------------------------------------------------------------------

    /// <summary>Create of an instance: defaults (process, first stage, traversedpath) and the checks of the class summary.</summary>
    public void CheckCreate(Transaction transaction, Entity target)
    {
        var flow = FlowOfTable(target.LogicalName)!;
        if (!target.Contains("processid")) target["processid"] = new EntityReference("workflow", flow.Id);
        if (!target.Contains("bpf_name")) target["bpf_name"] = flow.Name;
        var active = target.GetAttributeValue<EntityReference>("activestageid")?.Id ?? flow.Stages[0].Id;
        var stage = StageOf(flow, active) ?? throw Faults.InvalidStageTransition(active.ToString());
        target["activestageid"] = new EntityReference("processstage", stage.Id);
        if (!target.Contains("activestagestartedon")) target["activestagestartedon"] = _org.Clock.UtcNowSeconds;
        var traversed = target.GetAttributeValue<string>("traversedpath");
        if (traversed is null)
        {
            if (stage.Id != flow.Stages[0].Id) throw Faults.TraversedPathRequired(stage.Name);
            target["traversedpath"] = stage.Id.ToString();
        }
        else if (Split(traversed).LastOrDefault() != stage.Id) throw Faults.TraversedPathMustEndWithActiveStage();
    }

    /// <summary>Update of an instance: a change of activestageid is a move to the next or previous stage of the active path.</summary>
    public void CheckUpdate(Transaction transaction, Entity target, Entity current)
    {
        if (!target.Contains("activestageid")) return;
        var flow = FlowOfTable(target.LogicalName)!;
        var from = current.GetAttributeValue<EntityReference>("activestageid")?.Id;
        var to = target.GetAttributeValue<EntityReference>("activestageid")?.Id ?? throw Faults.InvalidStageTransition("(none)");
        if (from == to) return;
        var stage = StageOf(flow, to) ?? throw Faults.InvalidStageTransition(to.ToString());
        var traversed = Split(current.GetAttributeValue<string>("traversedpath"));
        var path = ActivePath(transaction, flow, current);
        var at = from is Guid f ? path.IndexOf(f) : -1;
        var forward = at >= 0 && at + 1 < path.Count && path[at + 1] == to;
        var back = at > 0 && path[at - 1] == to;
        if (!forward && !back) throw Faults.InvalidStageTransition(stage.Name);

        if (target.GetAttributeValue<string>("traversedpath") is { } given)
        {
            if (Split(given).LastOrDefault() != to) throw Faults.TraversedPathMustEndWithActiveStage();
        }
        else
        {
            if (forward) traversed.Add(to);
            else if (traversed.Count > 0 && traversed[^1] == from) traversed.RemoveAt(traversed.Count - 1);
            target["traversedpath"] = string.Join(",", traversed);
        }
        if (!target.Contains("activestagestartedon")) target["activestagestartedon"] = _org.Clock.UtcNowSeconds;
    }

    // ---- active path ---------------------------------------------------------------------------------------------------

    /// <summary>The stage ids of the active path of <paramref name="instance"/> (see the class summary).</summary>
    public List<Guid> ActivePath(Transaction transaction, WorkflowDefinition flow, Entity instance)
    {
        var active = instance.GetAttributeValue<EntityReference>("activestageid")?.Id ?? flow.Stages[0].Id;
        var traversed = Split(instance.GetAttributeValue<string>("traversedpath"));
        var at = traversed.IndexOf(active);
        var path = at >= 0 ? traversed.Take(at + 1).ToList() : new List<Guid> { active };
        var primary = instance.GetAttributeValue<EntityReference>(PrimaryLookup(flow)) is { } reference
            ? transaction.Read(reference.LogicalName, reference.Id) : null;
        var stage = StageOf(flow, active);
        while (stage is not null && path.Count <= flow.Stages.Count)
        {
            var next = Next(stage, primary);
            if (next is not Guid id || path.Contains(id)) break;
            path.Add(id);
            stage = StageOf(flow, id);
        }
        return path;
    }

    private static Guid? Next(ProcessStageDefinition stage, Entity? primary)
    {
        foreach (var branch in stage.Branches)
            if (branch.Attribute is null || Holds(primary, branch.Attribute, branch.Value)) return branch.TargetStageId;
        return stage.NextStageId;
    }

    /// <summary>The branch condition "column equals value" on the primary row (a two-option column: "True"/"1").</summary>
    private static bool Holds(Entity? row, string attribute, string? value)
    {
        var actual = row?.Attributes.TryGetValue(attribute, out var v) == true ? v : null;
        return actual switch
        {
            null => value is null,
            bool b => value is not null && (value.Equals("True", StringComparison.OrdinalIgnoreCase) || value == "1") == b,
            OptionSetValue o => value == o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EntityReference r => Guid.TryParse(value, out var id) && id == r.Id,
            IFormattable f => value == f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Equals(actual.ToString(), value, StringComparison.Ordinal),
        };
    }

    public static ProcessStageDefinition? StageOf(WorkflowDefinition flow, Guid? id) => flow.Stages.FirstOrDefault(s => s.Id == id);

    private static List<Guid> Split(string? path) =>
        (path ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
}

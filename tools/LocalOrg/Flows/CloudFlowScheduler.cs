using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Recording;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Flows;

/// <summary>One run of a scheduled cloud flow: when it was due, whether it succeeded, why not, and its service calls
/// (its actions' requests and what they caused synchronously).</summary>
public sealed record CloudFlowRun(string FlowName, DateTime ScheduledFor, bool Succeeded, string? Error, int Calls);

/// <summary>
/// Runs the solution's scheduled cloud flows that are on (statecode 1) as the simulated clock advances: each occurrence at
/// its moment, interleaved with the system jobs by time (<see cref="LocalOrganization.AdvanceTime"/>). A run is one
/// execution; each action is a request from outside (its own transaction, depth 1) made as the user of the connection
/// its connection reference is bound to (default: the organization's default user, who imported the solution).
/// Every flow is compiled when the organization starts, so one the local organization cannot run fails loudly and early.
/// </summary>
internal sealed class CloudFlowScheduler
{
    private readonly LocalOrganization _org;
    private readonly List<ScheduledFlow> _flows;
    private readonly List<CloudFlowRun> _runs = new();
    private readonly Dictionary<string, Guid> _connectionUsers = new(StringComparer.OrdinalIgnoreCase);

    public CloudFlowScheduler(LocalOrganization org)
    {
        _org = org;
        var now = org.Clock.UtcNow;
        _flows = org.Solution.CloudFlows
            .Where(f => f.IsOn)
            .Select(f => CloudFlowCompiler.Compile(f, org.Solution))
            .Select(flow =>
            {
                // Without a start time the recurrence counts from the moment the flow was turned on (here: when the
                // organization starts); the run Power Automate makes at that very moment finds nothing to do yet and is not
                // modelled. With one, occurrences before the organization existed never happened.
                var anchor = flow.Schedule.StartTime ?? now;
                var first = flow.Schedule.StartTime is null ? 1 : FirstIndexAtOrAfter(flow.Schedule, anchor, now);
                return new ScheduledFlow(flow, anchor, first);
            })
            .ToList();
    }

    public IReadOnlyList<CloudFlowRun> Runs => _runs;

    public void SetConnectionUser(string connectionReference, Guid userId) => _connectionUsers[connectionReference] = userId;

    /// <summary>The earliest moment a flow occurrence falls due, or null when no flow is scheduled.</summary>
    public DateTime? NextDueOn()
    {
        DateTime? next = null;
        foreach (var flow in _flows) if (next is null || flow.NextOn < next) next = flow.NextOn;
        return next;
    }

    /// <summary>Runs every occurrence due by now, earliest first; returns how many ran.</summary>
    public int RunDue()
    {
        var count = 0;
        while (true)
        {
            ScheduledFlow? due = null;
            foreach (var flow in _flows) if (flow.NextOn <= _org.Clock.UtcNow && (due is null || flow.NextOn < due.NextOn)) due = flow;
            if (due is null) return count;
            var scheduledFor = due.NextOn;
            due.Advance();
            Run(due.Flow, scheduledFor);
            count++;
        }
    }

    private void Run(CompiledFlow flow, DateTime scheduledFor)
    {
        var execution = _org.Executions.Start(ExecutionKind.CloudFlow, flow.Definition.Name, flow.TriggerName, null, 1, synchronous: false, parent: null);
        string? error = null;
        foreach (var action in flow.Actions)
        {
            try
            {
                var user = _connectionUsers.TryGetValue(action.ConnectionReference, out var u) ? u : _org.DefaultUserId;
                var service = new OrganizationService(_org, new ExecutionFrame(user, user, null, null, execution));
                var request = new OrganizationRequest(action.ActionName);
                foreach (var (name, value) in action.Parameters) request.Parameters[name] = value is string[] list ? list.ToArray() : value;
                service.Execute(request);
            }
            catch (Exception ex) when (ex is DataverseFault or InvalidPluginExecutionException)
            {
                // The action fails, the actions after it are skipped and the run fails (they run after "Succeeded" only).
                error = $"Action '{action.Name}' ({action.ActionName}) failed: {ex.Message}";
                _org.Recording.JobFailed(new FailedJob("cloud flow", flow.Definition.Name, null, null, error, _org.Clock.UtcNow));
                break;
            }
        }
        _runs.Add(new CloudFlowRun(flow.Definition.Name, scheduledFor, error is null, error, execution.Calls));
    }

    /// <summary>The index of the first occurrence at or after <paramref name="moment"/> (arithmetic first, so a schedule
    /// that started years before the organization does not walk every occurrence since).</summary>
    private static long FirstIndexAtOrAfter(RecurrenceSchedule schedule, DateTime anchor, DateTime moment)
    {
        if (moment <= anchor) return 0;
        var estimate = schedule.Frequency == RecurrenceFrequency.Month
            ? ((moment.Year - anchor.Year) * 12L + moment.Month - anchor.Month) / schedule.Interval
            : (moment - anchor).Ticks / (schedule.Occurrence(anchor, 1) - anchor).Ticks;
        var index = Math.Max(0, estimate - 1);
        while (schedule.Occurrence(anchor, index) < moment) index++;
        return index;
    }

    private sealed class ScheduledFlow(CompiledFlow flow, DateTime anchor, long index)
    {
        private long _index = index;

        public CompiledFlow Flow { get; } = flow;
        public DateTime NextOn { get; private set; } = flow.Schedule.Occurrence(anchor, index);

        public void Advance() => NextOn = Flow.Schedule.Occurrence(anchor, ++_index);
    }
}

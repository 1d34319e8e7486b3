using LeadLifecycle.SolutionModel;
using LeadLifecycle.LocalOrg.Messages;
using LeadLifecycle.LocalOrg.Storage;
using LeadLifecycle.LocalOrg.Recording;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>
/// The event execution pipeline: pre-validation (10), pre-operation (20), the platform's core operation (30),
/// post-operation (40) synchronously inside one transaction, then asynchronous steps and background workflows after
/// the outermost transaction commits. A synchronous failure rolls back the whole transaction, nested operations included.
/// A handler may run stages 20-40 in parts (an Update mixing state or owner columns with others, see SpecializedUpdateSplit).
/// See "Event execution pipeline" on learn.microsoft.com (power-apps/developer/data-platform/event-framework).
/// </summary>
internal sealed class MessagePipeline
{
    private readonly LocalOrganization _org;
    private readonly MessageHandlers _handlers;

    public MessagePipeline(LocalOrganization org)
    {
        _org = org;
        _handlers = new MessageHandlers(org);
    }

    public OrganizationResponse Execute(OrganizationRequest request, ExecutionFrame frame)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        // The pipeline message can differ from the request name: WinOpportunity runs as "Win", LoseOpportunity as "Lose".
        var message = SdkMessages.PipelineMessageOf(request.RequestName ?? throw Faults.UnrecognizedRequest(null));
        if (string.Equals(message, "ExecuteMultiple", StringComparison.OrdinalIgnoreCase)) return ExecuteMultipleHandler.Execute(this, request, frame);
        var handler = _handlers.Find(message) ?? throw Faults.UnrecognizedRequest(message);

        var depth = DepthOf(frame);
        var topLevel = frame.Transaction is null;
        var caller = frame.CallingExecution;
        var transaction = frame.Transaction ?? new Transaction(_org.Store);
        ExecutionRecord? operationRecord = null;
        try
        {
            // The plug-in that swallowed a failed call hears it at its next call; anyone else finds the transaction gone.
            if (transaction.Aborted) throw caller?.FailedCallInTransaction == true ? Faults.TransactionCountReduced() : Faults.NoActiveTransaction();
            if (depth > _org.Options.MaxDepth) throw Faults.InfiniteLoopDetected();
            _org.Executions.Count(caller);
            var context = NewContext(message, request, frame, depth);
            // A request that starts its own transaction is a message operation the 2-minute limit covers with its
            // synchronous plug-ins; a nested one runs inside its caller's execution.
            context.Execution = topLevel
                ? operationRecord = _org.Executions.Start(ExecutionKind.Request, message, message, null, depth, synchronous: true, parent: caller)
                : caller;
            var operation = new Operation(_org, frame, transaction, context);
            _org.Recording.Call(message, request, frame, depth);

            handler.Describe(operation);
            var hasSteps = _org.Steps.Any(message) || _org.Workflows.Watches(message);
            var before = hasSteps && handler.Images.HasFlag(ImageSource.Pre) ? Snapshot(transaction, context) : null;

            RunSyncSteps(10, context, before, null, transaction);
            handler.Authorize(operation);
            var parts = handler.Parts(operation);
            for (var i = 0; i < parts.Count; i++)
            {
                // A later part starts from the row the earlier parts left: its pre image is taken then.
                if (i > 0 && before is not null) before = Snapshot(transaction, context);
                RunPart(handler, parts[i], before, hasSteps, transaction);
            }

            if (operationRecord is not null) ExecutionAccounting.ThrowIfStopped(operationRecord);
            if (topLevel) RunAfterCommit(transaction.Commit());
            return Responses.Build(request, context.OutputParameters);
        }
        catch (Exception)
        {
            if (topLevel) transaction.Rollback();
            else if (handler.IsWrite || _org.Options.FailedReadDoomsTransaction)
            {
                // Any failed data operation inside a synchronous transaction ends it ("Troubleshoot Dataverse plug-ins",
                // Transaction errors): the caller cannot catch the failure and go on.
                transaction.Aborted = true;
                if (caller is not null) caller.FailedCallInTransaction = true;
            }
            throw;
        }
    }

    /// <summary>The depth of a call: one more than the calling context's, counted afresh when that context's depth was
    /// raised longer ago than the depth time limit (a workflow resuming after a months-long wait is no loop).</summary>
    private int DepthOf(ExecutionFrame frame)
    {
        if (frame.Parent is not { } parent) return 1;
        // A context built by hand (a test's ExecutePlugin) says nothing of when: its depth stands.
        var stale = parent.DepthUpdatedOn != default && _org.Clock.UtcNow - parent.DepthUpdatedOn > _org.Options.DepthTimeLimit;
        return (stale ? 1 : parent.Depth) + 1;
    }

    private void RunPart(IMessageHandler handler, Operation part, Entity? before, bool hasSteps, Transaction transaction)
    {
        RunSyncSteps(20, part.Context, before, null, transaction);
        handler.Execute(part);
        var after = hasSteps && handler.Images.HasFlag(ImageSource.Post) ? Snapshot(transaction, part.Context) : null;
        RunSyncSteps(40, part.Context, before, after, transaction);
        if (hasSteps) ScheduleAfterCommit(part.Context, before, after, transaction);
    }

    private PluginExecutionContext NewContext(string message, OrganizationRequest request, ExecutionFrame frame, int depth) => new()
    {
        MessageName = message,
        InputParameters = Parameters.Copy(request.Parameters),
        Depth = depth,
        DepthUpdatedOn = _org.Clock.UtcNow,
        UserId = frame.UserId,
        InitiatingUserId = frame.InitiatingUserId,
        BusinessUnitId = _org.BusinessUnitOf(frame.UserId),
        OrganizationId = _org.OrganizationId,
        CorrelationId = frame.Parent?.CorrelationId ?? Guid.NewGuid(),
        OperationId = Guid.NewGuid(),
        OperationCreatedOn = _org.Clock.UtcNow,
        RequestId = request.RequestId ?? Guid.NewGuid(),
        Parent = frame.Parent,
        IsInTransaction = true,
        Stage = 30,
    };

    private void RunSyncSteps(int stage, PluginExecutionContext context, Entity? before, Entity? after, Transaction transaction)
    {
        foreach (var step in _org.Steps.For(context.MessageName, context.PrimaryEntityName, stage, 0))
        {
            if (!StepRunner.Passes(step, context)) continue;
            _org.StepRunner.Run(step, context, before, after, transaction);
        }
    }

    private void ScheduleAfterCommit(PluginExecutionContext context, Entity? before, Entity? after, Transaction transaction)
    {
        foreach (var step in _org.Steps.For(context.MessageName, context.PrimaryEntityName, 40, 1))
        {
            if (!StepRunner.Passes(step, context)) continue;
            var snapshot = context.ForStep(40, 1, step.Id);
            snapshot.InputParameters = Parameters.Copy(context.InputParameters);
            snapshot.OutputParameters = Parameters.Copy(context.OutputParameters);
            snapshot.SharedVariables = Parameters.Copy(context.SharedVariables);
            transaction.AfterCommit(() => _org.AsyncJobs.Enqueue(AsyncJob.ForStep(step, snapshot, before, after, _org.Clock.UtcNow)));
        }
        foreach (var job in _org.Workflows.Triggered(context, before, after))
        {
            transaction.AfterCommit(() => _org.AsyncJobs.Enqueue(job));
        }
    }

    private void RunAfterCommit(IReadOnlyList<Action> actions)
    {
        foreach (var action in actions) action();
        if (_org.Options.RunAsyncImmediately) _org.AsyncJobs.RunDue();
    }

    private static Entity? Snapshot(Transaction transaction, PluginExecutionContext context)
    {
        if (context.PrimaryEntityId == Guid.Empty || context.PrimaryEntityName == "none") return null;
        var row = transaction.Read(context.PrimaryEntityName, context.PrimaryEntityId);
        return row is null ? null : EntityCopy.Clone(row);
    }
}

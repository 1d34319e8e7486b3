using LeadLifecycle.LocalOrg.Recording;
using LeadLifecycle.LocalOrg.Storage;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>Who is calling and from where: the user, the initiating user, the transaction to join (null = start one),
/// the plug-in context the call comes from (null = a top-level call from outside) and, when it is not that context's,
/// the execution making the call (a cloud flow run calls from outside, yet its calls are its own).</summary>
internal sealed record ExecutionFrame(Guid UserId, Guid InitiatingUserId, Transaction? Transaction, PluginExecutionContext? Parent,
    ExecutionRecord? Caller = null)
{
    public int ParentDepth => Parent?.Depth ?? 0;
    public bool FromPlugin => Parent is not null;

    /// <summary>The execution the call counts toward: the given caller, else the calling context's execution.</summary>
    public ExecutionRecord? CallingExecution => Caller ?? Parent?.Execution;
}

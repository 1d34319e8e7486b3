using LeadLifecycle.LocalOrg.Storage;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>Who is calling and from where: the user, the initiating user, the transaction to join (null = start one)
/// and the plug-in context the call comes from (null = a top-level call from outside).</summary>
internal sealed record ExecutionFrame(Guid UserId, Guid InitiatingUserId, Transaction? Transaction, PluginExecutionContext? Parent)
{
    public int ParentDepth => Parent?.Depth ?? 0;
    public bool FromPlugin => Parent is not null;
}

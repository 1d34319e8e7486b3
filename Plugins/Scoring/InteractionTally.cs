using System;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>How many interactions match a rule, and when the oldest of them leaves the rule's window.</summary>
    public sealed class InteractionTally
    {
        public InteractionTally(int count, DateTime? leavesWindowOn) { Count = count; LeavesWindowOn = leavesWindowOn; }
        public int Count { get; }
        public DateTime? LeavesWindowOn { get; }
    }
}

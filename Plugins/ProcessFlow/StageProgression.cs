using System.Collections.Generic;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Contract: the flow moves forward only, by itself — scored → Automated Marketing Qualification; sales ready →
    /// Sales Acceptance (teleprospecting skipped); teleprospect ready → Teleprospecting Acceptance; teleprospect
    /// accepted → Teleprospecting Qualification; sales ready there → Sales Acceptance. Moves repeat until none applies,
    /// so one change can carry a lead through several stages, each one on the travelled path.
    /// </summary>
    public static class StageProgression
    {
        public static IReadOnlyList<LeadStage> StagesToEnter(LeadStage current, LeadGates gates)
        {
            var entered = new List<LeadStage>();
            var stage = current;
            while (true)
            {
                var next = NextMove(stage, gates);
                if (next == null || next.Value <= stage) return entered;
                stage = next.Value;
                entered.Add(stage);
            }
        }

        private static LeadStage? NextMove(LeadStage stage, LeadGates gates)
        {
            switch (stage)
            {
                case LeadStage.Inquiry:
                    if (gates.Scored) return LeadStage.AutomatedMarketingQualification;
                    if (gates.SalesReady) return LeadStage.SalesAcceptance;
                    if (gates.TeleprospectReady) return LeadStage.TeleprospectingAcceptance;
                    return null;
                case LeadStage.AutomatedMarketingQualification:
                    if (gates.SalesReady) return LeadStage.SalesAcceptance;
                    if (gates.TeleprospectReady) return LeadStage.TeleprospectingAcceptance;
                    return null;
                case LeadStage.TeleprospectingAcceptance:
                    return gates.TeleprospectAccepted ? LeadStage.TeleprospectingQualification : (LeadStage?)null;
                case LeadStage.TeleprospectingQualification:
                    return gates.SalesReady ? LeadStage.SalesAcceptance : (LeadStage?)null;
                default:
                    return null;
            }
        }
    }

    /// <summary>The lead's gates, as the process flow reads them.</summary>
    public sealed record LeadGates(bool Scored, bool SalesReady, bool TeleprospectReady, bool TeleprospectAccepted);
}

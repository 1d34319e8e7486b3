namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Contract: the flow moves forward only, by itself — scored → Automated Marketing Qualification; sales ready → Sales
    /// Acceptance (teleprospecting skipped); teleprospect ready → Teleprospecting Acceptance; teleprospect accepted →
    /// Teleprospecting Qualification; sales ready there → Sales Acceptance.
    /// <para>Which stage comes next is the flow's business: the branch after Automated Marketing Qualification (sales ready
    /// → Sales Acceptance, else Teleprospecting Acceptance) is in the shipped definition and the platform gives the path
    /// (RetrieveActivePath). This class only says whether the lead's gates let it enter that next stage. A lead that is
    /// sales or teleprospect ready before it is scored leaves Inquiry too (it used to jump from Inquiry; now it passes
    /// through Automated Marketing Qualification, the only way the definition allows).</para>
    /// </summary>
    public static class StageProgression
    {
        /// <summary>Whether some stage the flow could go to next lets the lead in.</summary>
        public static bool CanLeave(LeadStage from, LeadGates gates)
        {
            foreach (LeadStage to in System.Enum.GetValues(typeof(LeadStage)))
                if (CanEnter(from, to, gates)) return true;
            return false;
        }

        public static bool CanEnter(LeadStage from, LeadStage to, LeadGates gates)
        {
            switch (to)
            {
                case LeadStage.AutomatedMarketingQualification:
                    return from == LeadStage.Inquiry && (gates.Scored || gates.SalesReady || gates.TeleprospectReady);
                case LeadStage.TeleprospectingAcceptance:
                    return from == LeadStage.AutomatedMarketingQualification && gates.TeleprospectReady;
                case LeadStage.TeleprospectingQualification:
                    return from == LeadStage.TeleprospectingAcceptance && gates.TeleprospectAccepted;
                case LeadStage.SalesAcceptance:
                    return (from == LeadStage.AutomatedMarketingQualification || from == LeadStage.TeleprospectingQualification) && gates.SalesReady;
                default:
                    return false;
            }
        }
    }

    /// <summary>The lead's gates, as the process flow reads them.</summary>
    public sealed record LeadGates(bool Scored, bool SalesReady, bool TeleprospectReady, bool TeleprospectAccepted);
}

using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>The outputs of llc_SubmitMarketingForm.</summary>
    public sealed class FormSubmissionResult
    {
        public FormSubmissionResult(EntityReference contact, EntityReference lead, bool contactCreated, bool leadCreated)
        {
            Contact = contact;
            Lead = lead;
            ContactCreated = contactCreated;
            LeadCreated = leadCreated;
        }

        public EntityReference Contact { get; }
        public EntityReference Lead { get; }
        public bool ContactCreated { get; }
        public bool LeadCreated { get; }
    }
}

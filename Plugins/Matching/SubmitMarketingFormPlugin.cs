using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// The main operation of the custom API llc_SubmitMarketingForm (inputs FormId, Submission; outputs ContactId,
    /// LeadId, ContactCreated, LeadCreated). See <see cref="FormSubmissionIntake"/>.
    /// </summary>
    public sealed class SubmitMarketingFormPlugin : PluginBase
    {
        public const string MessageName = "llc_SubmitMarketingForm";

        public SubmitMarketingFormPlugin()
            : base(typeof(SubmitMarketingFormPlugin))
        {
        }

        public SubmitMarketingFormPlugin(string unsecureConfiguration, string secureConfiguration)
            : this()
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            if (localPluginContext == null)
            {
                throw new ArgumentNullException(nameof(localPluginContext));
            }
            var context = localPluginContext.PluginExecutionContext;
            context.InputParameters.TryGetValue("FormId", out string formId);
            context.InputParameters.TryGetValue("Submission", out Entity submission);

            var intake = new FormSubmissionIntake(
                localPluginContext.OrgSvcFactory.CreateOrganizationService(null),
                localPluginContext.PluginUserService,
                context.OperationCreatedOn,
                message => localPluginContext.Trace(message));
            var result = intake.Submit(formId, submission);

            context.OutputParameters["ContactId"] = result.Contact;
            context.OutputParameters["LeadId"] = result.Lead;
            context.OutputParameters["ContactCreated"] = result.ContactCreated;
            context.OutputParameters["LeadCreated"] = result.LeadCreated;
        }
    }
}

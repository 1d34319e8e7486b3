using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// The main operation of the custom API llc_SubmitMarketingForm (inputs FormId, Submission; outputs ContactId,
    /// LeadId, ContactCreated, LeadCreated). See <see cref="FormSubmissionIntake"/>.
    /// </summary>
    public sealed class SubmitMarketingFormPlugin : PluginBase
    {
        public SubmitMarketingFormPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(SubmitMarketingFormPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var intake = new FormSubmissionIntake(
                localPluginContext.SystemService,
                localPluginContext.PluginUserService,
                context.OperationCreatedOn,
                message => localPluginContext.Trace(message));
            var result = intake.Submit(
                context.GetInputParameter<string>(Contract.SubmitMarketingForm.FormId),
                context.GetInputParameter<Entity>(Contract.SubmitMarketingForm.Submission));

            context.OutputParameters[Contract.SubmitMarketingForm.ContactId] = result.Contact;
            context.OutputParameters[Contract.SubmitMarketingForm.LeadId] = result.Lead;
            context.OutputParameters[Contract.SubmitMarketingForm.ContactCreated] = result.ContactCreated;
            context.OutputParameters[Contract.SubmitMarketingForm.LeadCreated] = result.LeadCreated;
        }
    }
}

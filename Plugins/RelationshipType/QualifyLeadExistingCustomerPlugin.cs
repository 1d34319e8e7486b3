using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// QualifyLead, pre-operation: when the lead already belongs to a contact or account, qualifying it must not
    /// create a second one (contract: QualifyLead). The request is adjusted before the platform acts on it:
    /// CreateContact and CreateAccount become false and, unless the caller chose one, the opportunity's customer
    /// is the existing parent account (the company buys) or else the parent contact.
    /// </summary>
    public sealed class QualifyLeadExistingCustomerPlugin : PluginBase
    {
        public QualifyLeadExistingCustomerPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(QualifyLeadExistingCustomerPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (!(context.GetInputParameter<EntityReference>(QualifiedLeadParents.LeadIdParameter) is EntityReference leadId)) return;

            var service = localPluginContext.SystemService;
            var lead = QualifiedLeadParents.Read(context, service, leadId);
            var existing = QualifyLeadCustomer.Existing(lead);
            if (existing == null)
            {
                localPluginContext.Trace("Lead " + leadId.Id + " has no parent contact or account; the request is left as sent.");
                return;
            }

            var input = context.InputParameters;
            input["CreateContact"] = false;
            input["CreateAccount"] = false;
            if (context.GetInputParameter<EntityReference>("OpportunityCustomerId") == null)
            {
                input["OpportunityCustomerId"] = existing;
            }
            localPluginContext.Trace("Lead " + leadId.Id + " qualifies onto existing " + existing.LogicalName + " " + existing.Id + ".");
        }
    }
}

using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Contains the data to execute the QualifyLead message; properties read and write <see cref="OrganizationRequest.Parameters"/>. Like the official SDK, the constructor puts the required parameters in Parameters (null/false).</summary>
[DataContract(Namespace = ContractNamespaces.Crm2011)]
public sealed class QualifyLeadRequest : OrganizationRequest
{
    public QualifyLeadRequest()
    {
        RequestName = "QualifyLead";
        LeadId = null;
        CreateAccount = false;
        CreateContact = false;
        CreateOpportunity = false;
    }

    public EntityReference LeadId
    {
        get => Get<EntityReference>("LeadId");
        set => Parameters["LeadId"] = value;
    }

    public bool CreateAccount
    {
        get => Get<bool>("CreateAccount");
        set => Parameters["CreateAccount"] = value;
    }

    public bool CreateContact
    {
        get => Get<bool>("CreateContact");
        set => Parameters["CreateContact"] = value;
    }

    public bool CreateOpportunity
    {
        get => Get<bool>("CreateOpportunity");
        set => Parameters["CreateOpportunity"] = value;
    }

    public EntityReference OpportunityCurrencyId
    {
        get => Get<EntityReference>("OpportunityCurrencyId");
        set => Parameters["OpportunityCurrencyId"] = value;
    }

    public EntityReference OpportunityCustomerId
    {
        get => Get<EntityReference>("OpportunityCustomerId");
        set => Parameters["OpportunityCustomerId"] = value;
    }

    public EntityReference SourceCampaignId
    {
        get => Get<EntityReference>("SourceCampaignId");
        set => Parameters["SourceCampaignId"] = value;
    }

    public OptionSetValue Status
    {
        get => Get<OptionSetValue>("Status");
        set => Parameters["Status"] = value;
    }

    public EntityReference ProcessInstanceId
    {
        get => Get<EntityReference>("ProcessInstanceId");
        set => Parameters["ProcessInstanceId"] = value;
    }
}

using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>
/// QualifyLead (learn.microsoft.com QualifyLeadRequest): creates the account, contact and opportunity asked for, mapped
/// from the lead as the standard lead mappings do, then closes the lead as Qualified with the given status. Refuses a
/// lead that is not open. The records are created through the pipeline, so their Create steps run (depth + 1).
/// </summary>
internal sealed class QualifyLeadHandler : IMessageHandler
{
    private static readonly string[] AccountMap = { "emailaddress1", "telephone1", "websiteurl", "address1_line1", "address1_city",
        "address1_stateorprovince", "address1_postalcode", "address1_country", "industrycode", "revenue", "numberofemployees" };
    private static readonly string[] ContactMap = { "firstname", "middlename", "lastname", "salutation", "jobtitle", "emailaddress1",
        "emailaddress2", "emailaddress3", "telephone1", "telephone2", "mobilephone", "address1_line1", "address1_city",
        "address1_stateorprovince", "address1_postalcode", "address1_country", "donotemail", "donotphone", "donotbulkemail",
        "preferredcontactmethodcode" };
    private static readonly string[] OpportunityMap = { "estimatedvalue", "estimatedclosedate", "budgetamount", "purchasetimeframe", "description" };

    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Both;

    public void Describe(Operation op)
    {
        var lead = op.Required<EntityReference>("LeadId");
        op.SetPrimary("lead", lead.Id);
        if (op.Transaction.Read("lead", lead.Id) is null) throw Faults.DoesNotExist("lead", lead.Id);
    }

    public void Execute(Operation op)
    {
        var leadId = op.Required<EntityReference>("LeadId").Id;
        op.Transaction.LockRow("lead", leadId);
        var lead = op.Transaction.Read("lead", leadId) ?? throw Faults.DoesNotExist("lead", leadId);
        if (lead.GetAttributeValue<OptionSetValue>("statecode")?.Value is int state && state != 0)
            throw new DataverseFault(Faults.LeadNotOpen, "The lead is closed. You cannot convert or qualify a lead that is closed.");
        // The caller reads the lead; closing it (Write), the records it creates (Create, Append, AppendTo) are checked by
        // the operations below, which run as the caller.
        op.Org.Guard.CheckRead(op, "lead", lead);
        var status = op.Optional<OptionSetValue>("Status")?.Value ?? 3;
        var svc = op.Platform;
        var created = new EntityReferenceCollection();

        EntityReference? account = null, contact = null;
        if (Flag(op, "CreateAccount") && lead.GetAttributeValue<string>("companyname") is { Length: > 0 } company)
        {
            var row = Map(lead, "account", AccountMap);
            row["name"] = company;
            account = new EntityReference("account", svc.Create(row));
            created.Add(account);
        }
        if (Flag(op, "CreateContact") && (lead.Contains("lastname") || lead.Contains("firstname")))
        {
            var row = Map(lead, "contact", ContactMap);
            if (account is not null) row["parentcustomerid"] = account;
            contact = new EntityReference("contact", svc.Create(row));
            created.Add(contact);
        }
        EntityReference? opportunity = null;
        if (Flag(op, "CreateOpportunity"))
        {
            var parentAccount = account ?? lead.GetAttributeValue<EntityReference>("parentaccountid");
            var parentContact = contact ?? lead.GetAttributeValue<EntityReference>("parentcontactid");
            var customer = op.Optional<EntityReference>("OpportunityCustomerId") ?? parentAccount ?? parentContact
                ?? throw Faults.Invalid("The opportunity needs a customer: pass OpportunityCustomerId, create an account or contact, or give the lead a parent account or contact.");
            var row = Map(lead, "opportunity", OpportunityMap);
            row["name"] = lead.GetAttributeValue<string>("subject") ?? lead.GetAttributeValue<string>("fullname") ?? "Opportunity";
            row["customerid"] = new EntityReference(customer.LogicalName, customer.Id);
            if (parentAccount is not null) row["parentaccountid"] = parentAccount;
            if (parentContact is not null) row["parentcontactid"] = parentContact;
            opportunity = new EntityReference("opportunity", svc.Create(row));
            created.Add(opportunity);
        }

        var close = new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(status) };
        if (opportunity is not null) close["qualifyingopportunityid"] = opportunity;
        svc.Execute(new UpdateRequest { Target = close });
        op.Output["CreatedEntities"] = created;
    }

    private static bool Flag(Operation op, string name) => op.Input.TryGetValue(name, out var v) && v is true;

    private static Entity Map(Entity lead, string table, IEnumerable<string> columns)
    {
        var row = new Entity(table) { ["originatingleadid"] = new EntityReference("lead", lead.Id) };
        foreach (var c in columns)
        {
            if (lead.Attributes.TryGetValue(c, out var value) && value is not null) row[c] = Storage.EntityCopy.Value(value);
        }
        return row;
    }
}

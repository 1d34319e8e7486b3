using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Matching;

/// <summary>Rows the matching tests arrange, named after what they are in the contract.</summary>
internal static class MatchingArrange
{
    public const int ContactTarget = 754100000;
    public const int LeadTarget = 754100001;
    public const int FormSubmitted = 754100002;

    /// <summary>
    /// The shipped solution with only the matching steps registered, and its configuration rows: for measuring what
    /// the matching plug-ins themselves cost, apart from the other features' steps on the same messages.
    /// </summary>
    public static LocalOrganization MatchingOnlyOrganization()
    {
        var shipped = LocalOrganization.Create();
        var solution = shipped.Solution with
        {
            Steps = shipped.Solution.Steps.Where(s => s.PluginTypeName.StartsWith("LeadLifecycle.Plugins.Matching.", StringComparison.Ordinal)).ToList(),
        };
        var org = LocalOrganization.Create(solution);
        org.Initialize(shipped.All("llc_matchingstrategy"));
        return org;
    }

    public static Entity Contact(string firstName, string lastName, string? email, DateTime? modifiedOn = null)
    {
        var contact = new Entity("contact", Guid.NewGuid())
        {
            ["firstname"] = firstName,
            ["lastname"] = lastName,
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (email != null)
        {
            contact["emailaddress1"] = email;
        }
        if (modifiedOn != null)
        {
            contact["modifiedon"] = modifiedOn.Value;
        }
        return contact;
    }

    public static Entity InactiveContact(string firstName, string lastName, string email)
    {
        var contact = Contact(firstName, lastName, email);
        contact["statecode"] = new OptionSetValue(1);
        contact["statuscode"] = new OptionSetValue(2);
        return contact;
    }

    public static Entity Account(string name) => new Entity("account", Guid.NewGuid()) { ["name"] = name };

    public static Entity Strategy(string name, int target, string attributes, bool isDefault = false, bool active = true) =>
        new Entity("llc_matchingstrategy", Guid.NewGuid())
        {
            ["llc_name"] = name,
            ["llc_targetentity"] = new OptionSetValue(target),
            ["llc_attributes"] = attributes,
            ["llc_isdefault"] = isDefault,
            ["statecode"] = new OptionSetValue(active ? 0 : 1),
            ["statuscode"] = new OptionSetValue(active ? 1 : 2),
        };

    public static Entity Form(string formId, Entity? contactStrategy = null, Entity? leadStrategy = null)
    {
        var form = new Entity("llc_marketingform", Guid.NewGuid())
        {
            ["llc_name"] = "Form " + formId,
            ["llc_formid"] = formId,
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (contactStrategy != null)
        {
            form["llc_contactstrategyid"] = contactStrategy.ToEntityReference();
        }
        if (leadStrategy != null)
        {
            form["llc_leadstrategyid"] = leadStrategy.ToEntityReference();
        }
        return form;
    }

    public static Entity OpenLead(Entity contact, string email, string? formId, string subject = "Existing interest")
    {
        var lead = new Entity("lead", Guid.NewGuid())
        {
            ["subject"] = subject,
            ["lastname"] = contact.GetAttributeValue<string>("lastname"),
            ["emailaddress1"] = email,
            ["parentcontactid"] = contact.ToEntityReference(),
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };
        if (formId != null)
        {
            lead["llc_marketingformid"] = formId;
        }
        return lead;
    }

    /// <summary>A new lead as a user or an import would create it: no parent contact.</summary>
    public static Entity NewLead(string? email, string firstName = "Ana", string lastName = "Lima", string? formId = null)
    {
        var lead = new Entity("lead") { ["subject"] = "Interested in Contoso", ["firstname"] = firstName, ["lastname"] = lastName };
        if (email != null)
        {
            lead["emailaddress1"] = email;
        }
        if (formId != null)
        {
            lead["llc_marketingformid"] = formId;
        }
        return lead;
    }

    public static Entity Submission(string? email, string firstName = "Ana", string lastName = "Lima")
    {
        var submission = new Entity("lead") { ["firstname"] = firstName, ["lastname"] = lastName, ["subject"] = "Webinar sign-up" };
        if (email != null)
        {
            submission["emailaddress1"] = email;
        }
        return submission;
    }

    public static OrganizationRequest SubmitForm(string formId, Entity? submission)
    {
        var request = new OrganizationRequest("llc_SubmitMarketingForm") { ["FormId"] = formId };
        if (submission != null)
        {
            request["Submission"] = submission;
        }
        return request;
    }
}

using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>The recalculation custom APIs, the write-only-on-change rule and the constant query bound.</summary>
public class RecalculateApiTests : LeadLifecycleTest
{

    private OrganizationResponse RecalculateContact(EntityReference contact) =>
        Service.Execute(new OrganizationRequest("llc_RecalculateContactRelationshipType") { ["Target"] = contact });

    private OrganizationResponse RecalculateMany(string[]? contactIds = null, string[]? accountIds = null)
    {
        var request = new OrganizationRequest("llc_RecalculateRelationshipType");
        if (contactIds != null) request["ContactIds"] = contactIds;
        if (accountIds != null) request["AccountIds"] = accountIds;
        return Service.Execute(request);
    }

    /// <summary>Imported data arrives without the pipeline, with a stale type.</summary>
    private EntityReference StaleContactWithOpenLead()
    {
        var contact = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Imported", ["customertypecode"] = new OptionSetValue(Suspect) };
        var lead = new Entity("lead", Guid.NewGuid())
        {
            ["subject"] = "Imported interest", ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1),
            ["parentcontactid"] = contact.ToEntityReference(),
        };
        Org.Initialize(contact, lead);
        return contact.ToEntityReference();
    }

    [Fact]
    public void The_contact_bound_api_corrects_a_stale_type_and_reports_it()
    {
        var contact = StaleContactWithOpenLead();

        var response = RecalculateContact(contact);

        Assert.Equal(Prospect, ((OptionSetValue)response["RelationshipType"]).Value);
        Assert.Equal("open lead 'Imported interest'", response["Reason"]);
        Assert.True((bool)response["Changed"]);
        Assert.Equal(Prospect, TypeOf(contact));
    }

    [Fact]
    public void The_account_bound_api_recalculates_an_account()
    {
        var account = new Entity("account", Guid.NewGuid()) { ["name"] = "Imported" };
        var opportunity = new Entity("opportunity", Guid.NewGuid())
        {
            ["name"] = "Imported deal", ["statecode"] = new OptionSetValue(0), ["customerid"] = account.ToEntityReference(),
        };
        Org.Initialize(account, opportunity);

        var response = Service.Execute(new OrganizationRequest("llc_RecalculateAccountRelationshipType") { ["Target"] = account.ToEntityReference() });

        Assert.Equal(PotentialCustomer, ((OptionSetValue)response["RelationshipType"]).Value);
        Assert.Equal(PotentialCustomer, TypeOf(account.ToEntityReference()));
    }

    [Fact]
    public void A_record_already_up_to_date_is_not_written_again()
    {
        var contact = CreateContact();
        CreateLead(contact);

        using var calls = Org.RecordCalls();
        var response = RecalculateContact(contact);

        Assert.False((bool)response["Changed"]);
        Assert.DoesNotContain(calls.PluginCalls, c => c.Message == "Update");
    }

    [Fact]
    public void The_unbound_api_recalculates_contacts_and_accounts_by_id()
    {
        var contact = StaleContactWithOpenLead();
        var account = CreateAccount();

        var response = RecalculateMany(new[] { contact.Id.ToString() }, new[] { account.Id.ToString() });

        Assert.Equal(2, response["EvaluatedCount"]);
        Assert.Equal(1, response["ChangedCount"]);
        Assert.Equal(Prospect, TypeOf(contact));
    }

    [Fact]
    public void The_unbound_api_refuses_more_than_1000_ids()
    {
        var ids = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var error = Assert.ThrowsAny<Exception>(() => RecalculateMany(ids));

        Assert.Contains("At most 1000", error.Message);
    }

    [Fact]
    public void The_unbound_api_names_an_id_that_is_not_a_guid()
    {
        var error = Assert.ThrowsAny<Exception>(() => RecalculateMany(new[] { "not-an-id" }));

        Assert.Contains("'not-an-id' in ContactIds", error.Message);
    }

    [Fact]
    public void The_unbound_api_asks_for_ids_when_given_none()
    {
        var error = Assert.ThrowsAny<Exception>(() => RecalculateMany());

        Assert.Contains("ContactIds", error.Message);
    }

    [Fact]
    public void An_evaluation_costs_the_same_number_of_queries_whatever_the_number_of_leads_and_opportunities()
    {
        var small = CreateContact("Small");
        var large = CreateContact("Large");
        foreach (var contact in new[] { small, large })
        {
            var won = CreateOpportunity(contact, "Won");
            Win(won, Now);
        }
        CreateLead(small);
        CreateOpportunity(small);
        var bulk = new List<Entity>();
        for (int i = 0; i < 60; i++)
        {
            bulk.Add(new Entity("lead", Guid.NewGuid()) { ["subject"] = "Lead " + i, ["statecode"] = new OptionSetValue(0), ["parentcontactid"] = large });
            bulk.Add(new Entity("opportunity", Guid.NewGuid()) { ["name"] = "Open " + i, ["statecode"] = new OptionSetValue(0), ["customerid"] = large });
            bulk.Add(new Entity("opportunity", Guid.NewGuid())
            {
                ["name"] = "Won " + i, ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3),
                ["actualclosedate"] = Now.AddDays(-1 - i), ["customerid"] = large,
            });
        }
        Org.Initialize(bulk.ToArray());

        int QueriesFor(EntityReference contact)
        {
            using var calls = Org.RecordCalls();
            RecalculateContact(contact);
            var reads = calls.PluginCalls.Where(c => c.Message is "Retrieve" or "RetrieveMultiple").ToList();
            Assert.All(reads, read => Assert.NotEmpty(read.Columns ?? [])); // named columns, never all columns
            return reads.Count;
        }

        Assert.Equal(QueriesFor(small), QueriesFor(large));
        Assert.True(QueriesFor(large) <= 7, "the caller's read of the target + current row + 3 fact queries + 2 settings queries at most");
    }

    [Fact]
    public void A_record_with_no_open_or_won_opportunity_costs_one_opportunity_query()
    {
        var contact = StaleContactWithOpenLead();
        Org.Initialize(new Entity("opportunity", Guid.NewGuid())
        {
            ["name"] = "Lost deal", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4), ["customerid"] = contact,
        });

        using var calls = Org.RecordCalls();
        RecalculateContact(contact);

        Assert.Single(calls.PluginCalls, c => c.Message == "RetrieveMultiple" && c.Table == "opportunity");
        Assert.Equal(Prospect, TypeOf(contact));
        Assert.Equal("open lead 'Imported interest'", ReasonOf(contact));
    }

    [Fact]
    public void The_bound_api_refuses_a_caller_who_may_write_contacts_but_not_read_this_one_and_tells_nothing_about_it()
    {
        // A role that passes the API's execute privilege (prvWriteContact) but reads and writes only the user's own
        // contacts: the contact below belongs to the administrator.
        var shipped = LocalOrganization.Create();
        var ownContactsOnly = new LeadLifecycle.SolutionModel.RoleDefinition(Guid.NewGuid(), "Own Contacts Only", new[]
        {
            new LeadLifecycle.SolutionModel.RolePrivilegeDefinition("prvReadContact", "Basic"),
            new LeadLifecycle.SolutionModel.RolePrivilegeDefinition("prvWriteContact", "Basic"),
        });
        var org = LocalOrganization.Create(shipped.Solution with { Roles = shipped.Solution.Roles.Append(ownContactsOnly).ToList() });
        var contact = new Entity("contact", Guid.NewGuid()) { ["lastname"] = "Imported", ["customertypecode"] = new OptionSetValue(Suspect) };
        org.Initialize(contact, new Entity("lead", Guid.NewGuid())
        {
            ["subject"] = "Imported interest", ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1),
            ["parentcontactid"] = contact.ToEntityReference(),
        });
        var user = org.CreateUser("Owen Own", "Own Contacts Only");

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Execute(
            new OrganizationRequest("llc_RecalculateContactRelationshipType") { ["Target"] = contact.ToEntityReference() }));

        Assert.Contains("ReadAccess", error.Message);
        Assert.DoesNotContain("Prospect", error.Message);
        // Refused before any write: the stale type stays.
        Assert.Equal(Suspect, org.All("contact").Single(c => c.Id == contact.Id).GetAttributeValue<OptionSetValue>("customertypecode").Value);
    }
}

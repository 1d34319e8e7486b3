using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>
/// Typed requests and responses are views over Parameters / Results: the platform (and the local organization) only
/// sees RequestName and the named parameters, so the names must be the official ones.
/// </summary>
public class MessageTests
{
    public static TheoryData<OrganizationRequest, string> Requests() => new()
    {
        { new CreateRequest(), "Create" },
        { new RetrieveRequest(), "Retrieve" },
        { new UpdateRequest(), "Update" },
        { new DeleteRequest(), "Delete" },
        { new RetrieveMultipleRequest(), "RetrieveMultiple" },
        { new UpsertRequest(), "Upsert" },
        { new AssociateRequest(), "Associate" },
        { new DisassociateRequest(), "Disassociate" },
        { new ExecuteMultipleRequest(), "ExecuteMultiple" },
        { new SetStateRequest(), "SetState" },
        { new AssignRequest(), "Assign" },
        { new QualifyLeadRequest(), "QualifyLead" },
        { new WinOpportunityRequest(), "WinOpportunity" },
        { new LoseOpportunityRequest(), "LoseOpportunity" },
        { new WhoAmIRequest(), "WhoAmI" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Typed_request_has_the_message_name(OrganizationRequest request, string messageName)
    {
        Assert.Equal(messageName, request.RequestName);
    }

    [Fact]
    public void Request_properties_read_and_write_the_named_parameters()
    {
        var lead = new EntityReference("lead", Guid.NewGuid());
        var qualify = new QualifyLeadRequest { LeadId = lead, CreateContact = true, Status = new OptionSetValue(3) };

        Assert.Same(lead, qualify.Parameters["LeadId"]);
        Assert.Equal(true, qualify.Parameters["CreateContact"]);
        Assert.Equal(new OptionSetValue(3), qualify["Status"]);

        qualify.Parameters["CreateAccount"] = true;
        Assert.True(qualify.CreateAccount);
    }

    [Fact]
    public void Constructors_put_the_required_parameters_in_place()
    {
        var create = new CreateRequest();
        var qualify = new QualifyLeadRequest();
        var setState = new SetStateRequest();

        Assert.True(create.Parameters.Contains("Target"));
        Assert.Null(create.Target);
        Assert.Equal(false, qualify.Parameters["CreateAccount"]);
        Assert.True(qualify.Parameters.Contains("LeadId"));
        Assert.Equal(3, setState.Parameters.Count);
        Assert.Empty(new WhoAmIRequest().Parameters);
    }

    [Fact]
    public void Request_parameters_use_the_official_names()
    {
        var target = new Entity("lead");
        var reference = new EntityReference("lead", Guid.NewGuid());
        var columns = new ColumnSet("subject");
        var query = new QueryExpression("lead");

        Assert.Same(target, new UpdateRequest { Target = target }.Parameters["Target"]);
        Assert.Same(columns, new RetrieveRequest { Target = reference, ColumnSet = columns }.Parameters["ColumnSet"]);
        Assert.Same(query, new RetrieveMultipleRequest { Query = query }.Parameters["Query"]);
        Assert.Same(reference, new SetStateRequest { EntityMoniker = reference }.Parameters["EntityMoniker"]);
        Assert.Same(reference, new AssignRequest { Assignee = reference }.Parameters["Assignee"]);
        Assert.Same(target, new WinOpportunityRequest { OpportunityClose = target }.Parameters["OpportunityClose"]);
        Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches,
            new DeleteRequest { ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }.Parameters["ConcurrencyBehavior"]);
    }

    [Fact]
    public void Response_properties_read_the_named_results()
    {
        var id = Guid.NewGuid();
        var created = new EntityReferenceCollection { new EntityReference("contact", id) };
        var page = new EntityCollection();

        var create = new CreateResponse();
        create.Results["id"] = id;
        var qualify = new QualifyLeadResponse();
        qualify.Results["CreatedEntities"] = created;
        var retrieveMultiple = new RetrieveMultipleResponse();
        retrieveMultiple.Results["EntityCollection"] = page;
        var whoAmI = new WhoAmIResponse();
        whoAmI.Results["UserId"] = id;
        var upsert = new UpsertResponse();
        upsert.Results["RecordCreated"] = true;

        Assert.Equal(id, create.id);
        Assert.Same(created, qualify.CreatedEntities);
        Assert.Same(page, retrieveMultiple.EntityCollection);
        Assert.Equal(id, whoAmI.UserId);
        Assert.True(upsert.RecordCreated);
    }

    [Fact]
    public void Missing_results_read_as_defaults()
    {
        Assert.Equal(Guid.Empty, new CreateResponse().id);
        Assert.Null(new RetrieveResponse().Entity);
        Assert.False(new UpsertResponse().RecordCreated);
        Assert.Null(new QualifyLeadResponse().CreatedEntities);
    }

    [Fact]
    public void Generic_request_indexer_is_the_parameter_collection()
    {
        var request = new OrganizationRequest("new_CustomApi") { ["Input"] = 5 };

        Assert.Equal("new_CustomApi", request.RequestName);
        Assert.Equal(5, request.Parameters["Input"]);
        Assert.Throws<KeyNotFoundException>(() => request["Missing"]);
    }
}

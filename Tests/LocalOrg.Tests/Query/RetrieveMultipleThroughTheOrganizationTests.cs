using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

/// <summary>The query engine behind the local organization's RetrieveMultiple: real rows, the caller, the clock, faults.</summary>
public class RetrieveMultipleThroughTheOrganizationTests
{
    private readonly LocalOrganization _org = LocalOrganization.CreateEmpty();

    [Fact]
    public void A_query_expression_with_a_link_reads_rows_created_through_the_service()
    {
        var service = _org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        service.Create(new Entity("contact") { ["lastname"] = "Lovelace", ["parentcustomerid"] = new EntityReference("account", account) });
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("account", "parentcustomerid", "accountid").EntityAlias = "a";
        query.LinkEntities[0].Columns.AddColumn("name");

        var row = Assert.Single(service.RetrieveMultiple(query).Entities);

        Assert.Equal("Lovelace", row["lastname"]);
        Assert.Equal("Contoso", row.GetAttributeValue<AliasedValue>("a.name").Value);
    }

    [Fact]
    public void Eq_userid_is_the_calling_user()
    {
        var ada = _org.CreateUser("Ada", "Salesperson");
        _org.GetService(ada).Create(new Entity("contact") { ["lastname"] = "Mine" });
        _org.GetService().Create(new Entity("contact") { ["lastname"] = "Someone else's" });

        var rows = _org.GetService(ada).RetrieveMultiple(new FetchExpression(
            "<fetch><entity name='contact'><attribute name='lastname' /><filter><condition attribute='ownerid' operator='eq-userid' /></filter></entity></fetch>")).Entities;

        Assert.Equal(new[] { "Mine" }, rows.Select(r => r["lastname"]));
    }

    [Fact]
    public void Relative_dates_follow_the_simulated_clock()
    {
        var service = _org.GetService();
        service.Create(new Entity("lead") { ["subject"] = "Old" });
        _org.AdvanceTime(TimeSpan.FromDays(10));
        service.Create(new Entity("lead") { ["subject"] = "New" });
        var lastWeek = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") };
        lastWeek.Criteria.AddCondition("createdon", ConditionOperator.LastXDays, 7);

        Assert.Equal(new[] { "New" }, service.RetrieveMultiple(lastWeek).Entities.Select(e => e["subject"]));
    }

    [Fact]
    public void An_aggregate_fetch_counts_per_group()
    {
        var service = _org.GetService();
        foreach (var subject in new[] { "A", "B", "C" }) service.Create(new Entity("lead") { ["subject"] = subject });

        var row = Assert.Single(service.RetrieveMultiple(new FetchExpression(
            "<fetch aggregate='true'><entity name='lead'><attribute name='statecode' alias='state' groupby='true' /><attribute name='leadid' alias='leads' aggregate='count' /></entity></fetch>")).Entities);

        Assert.Equal(0, ((OptionSetValue)row.GetAttributeValue<AliasedValue>("state").Value).Value);
        Assert.Equal(3, row.GetAttributeValue<AliasedValue>("leads").Value);
    }

    [Fact]
    public void A_query_fault_reaches_the_caller_as_the_platform_fault()
    {
        var fault = Assert.Throws<DataverseFault>(() => _org.GetService().RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("nope") }));

        Assert.Equal(QueryFault.QueryBuilderNoAttribute, fault.ErrorCode);
        Assert.Equal("'lead' entity doesn't contain attribute with Name = 'nope' and NameMapping = 'Logical'.", fault.Message);
    }
}

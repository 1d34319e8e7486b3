using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static LeadLifecycle.LocalOrg.Tests.Security.SecurityArrange;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// RetrieveMultiple as Dataverse secures it: no Read privilege on a table the query names (root or link-entity) is the
/// privilege fault; otherwise the rows the caller's depth does not reach are silently left out — of the results, of the
/// joins (an inner join to an unreadable row drops the row; an outer join returns it without the linked columns) and of
/// aggregates. QueryExpression and FetchXML alike.
/// </summary>
public class QuerySecurityTests
{
    private readonly LocalOrganization _org;
    private readonly Guid _rep;
    private readonly Guid _mine;
    private readonly Guid _theirs;

    public QuerySecurityTests()
    {
        _org = new TestSolution()
            .Role("Own leads, every task", Grant("Lead", "Basic", "Read").Concat(Grant("Activity", "Global", "Read")).ToArray())
            .Role("Tasks only", Grant("Activity", "Global", "Read"))
            .Organization();
        _rep = _org.CreateUser("Rita Rep", "Own leads, every task");
        var other = _org.CreateUser("Otto Other");
        var admin = _org.GetService();
        _mine = admin.Create(new Entity("lead") { ["subject"] = "mine", ["ownerid"] = new EntityReference("systemuser", _rep), ["estimatedvalue"] = new Money(100m) });
        _theirs = admin.Create(new Entity("lead") { ["subject"] = "theirs", ["ownerid"] = new EntityReference("systemuser", other), ["estimatedvalue"] = new Money(900m) });
        admin.Create(new Entity("task") { ["subject"] = "about mine", ["regardingobjectid"] = new EntityReference("lead", _mine) });
        admin.Create(new Entity("task") { ["subject"] = "about theirs", ["regardingobjectid"] = new EntityReference("lead", _theirs) });
    }

    [Fact]
    public void Rows_the_depth_does_not_reach_are_left_out()
    {
        var leads = _org.GetService(_rep).RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") });

        Assert.Equal(new[] { "mine" }, leads.Entities.Select(e => e["subject"]));
        Assert.Equal(2, _org.GetService().RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") }).Entities.Count);
    }

    [Fact]
    public void An_inner_join_to_an_unreadable_row_drops_the_row()
    {
        var query = new QueryExpression("task") { ColumnSet = new ColumnSet("subject") };
        query.AddLink("lead", "regardingobjectid", "leadid", JoinOperator.Inner).Columns = new ColumnSet("subject");

        var tasks = _org.GetService(_rep).RetrieveMultiple(query).Entities;

        Assert.Equal(new[] { "about mine" }, tasks.Select(t => t["subject"]));
    }

    [Fact]
    public void An_outer_join_keeps_the_row_without_the_unreadable_columns()
    {
        var fetch = "<fetch><entity name='task'><attribute name='subject' /><order attribute='subject' />" +
                    "<link-entity name='lead' from='leadid' to='regardingobjectid' link-type='outer' alias='l'><attribute name='subject' /></link-entity>" +
                    "</entity></fetch>";

        var tasks = _org.GetService(_rep).RetrieveMultiple(new FetchExpression(fetch)).Entities;

        Assert.Equal(new[] { "about mine", "about theirs" }, tasks.Select(t => t["subject"]));
        Assert.Equal("mine", tasks[0].GetAttributeValue<AliasedValue>("l.subject").Value);
        Assert.False(tasks[1].Contains("l.subject"));
    }

    [Fact]
    public void Aggregates_count_only_the_readable_rows()
    {
        var fetch = "<fetch aggregate='true'><entity name='lead'><attribute name='leadid' aggregate='count' alias='n' />" +
                    "<attribute name='estimatedvalue' aggregate='sum' alias='total' /></entity></fetch>";

        var row = Assert.Single(_org.GetService(_rep).RetrieveMultiple(new FetchExpression(fetch)).Entities);

        Assert.Equal(1, row.GetAttributeValue<AliasedValue>("n").Value);
        Assert.Equal(100m, ((Money)row.GetAttributeValue<AliasedValue>("total").Value).Value);
    }

    [Fact]
    public void No_read_privilege_on_the_queried_table_is_the_privilege_fault()
    {
        var tasksOnly = _org.CreateUser("Tom Tasks", "Tasks only");

        var error = Assert.Throws<DataverseFault>(() => _org.GetService(tasksOnly).RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("subject") }));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        Assert.Contains("is missing prvReadLead privilege", error.Message);
    }

    [Fact]
    public void No_read_privilege_on_a_linked_table_is_the_privilege_fault_too()
    {
        var tasksOnly = _org.CreateUser("Tom Tasks", "Tasks only");
        var query = new QueryExpression("task") { ColumnSet = new ColumnSet("subject") };
        query.AddLink("lead", "regardingobjectid", "leadid", JoinOperator.LeftOuter);

        Assert.Equal(2, _org.GetService(tasksOnly).RetrieveMultiple(new QueryExpression("task") { ColumnSet = new ColumnSet("subject") }).Entities.Count);
        Assert.Contains("is missing prvReadLead privilege", Assert.Throws<DataverseFault>(() => _org.GetService(tasksOnly).RetrieveMultiple(query)).Message);
    }

    [Fact]
    public void Business_unit_depth_filters_by_the_owning_business_unit()
    {
        var org = new TestSolution().Role("Unit leads", Grant("Lead", "Local", "Read")).Organization();
        var sales = org.CreateBusinessUnit("Sales");
        var reader = org.CreateUser("Una Unit", sales, "Unit leads");
        var colleague = org.CreateUser("Cole League", sales);
        var outsider = org.CreateUser("Oz Outsider");
        foreach (var (owner, subject) in new[] { (colleague, "colleague's"), (outsider, "outsider's") })
            org.GetService().Create(new Entity("lead") { ["subject"] = subject, ["ownerid"] = new EntityReference("systemuser", owner) });

        var fetch = "<fetch><entity name='lead'><attribute name='subject' /></entity></fetch>";
        Assert.Equal(new[] { "colleague's" }, org.GetService(reader).RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => e["subject"]));
    }
}

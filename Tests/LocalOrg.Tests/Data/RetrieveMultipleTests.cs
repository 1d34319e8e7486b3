using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>RetrieveMultiple through the service: the query engine over what the caller's transaction sees.</summary>
public class RetrieveMultipleTests
{
    [Fact]
    public void String_conditions_compare_case_insensitively_and_results_are_copies()
    {
        // Dataverse compares text with a case-insensitive collation (learn.microsoft.com: "Filter rows" — string
        // comparisons are not case-sensitive).
        var org = new TestSolution().Organization();
        var id = org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera", ["emailaddress1"] = "Ana@Contoso.com" });
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("emailaddress1") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "ana@contoso.COM");

        var row = Assert.Single(org.GetService().RetrieveMultiple(query).Entities);
        Assert.Equal(id, row.Id);
        row["emailaddress1"] = "changed@contoso.com";
        Assert.Equal("Ana@Contoso.com", org.Get("contact", id)["emailaddress1"]);
    }

    [Fact]
    public void A_plugin_sees_its_own_transaction_s_writes_and_others_see_them_only_after_commit()
    {
        var org = new TestSolution().Step<CountSameNamePlugin>("Create", "contact", stage: 40).Organization();
        org.GetService().Create(new Entity("contact") { ["lastname"] = "Rivera" });
        org.GetService().Create(new Entity("contact") { ["lastname"] = "RIVERA" });
        Assert.Equal(new[] { "same name: 1", "same name: 2" }, org.Trace);
    }

    [Fact]
    public void An_unknown_column_in_a_query_fails_like_Dataverse()
    {
        var org = new TestSolution().Organization();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("nosuchcolumn", ConditionOperator.Equal, "x");
        var error = Assert.Throws<DataverseFault>(() => org.GetService().RetrieveMultiple(query));
        Assert.Contains("nosuchcolumn", error.Message);
    }
}

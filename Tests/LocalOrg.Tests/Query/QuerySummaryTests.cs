using LeadLifecycle.LocalOrg.Query;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Query;

public class QuerySummaryTests
{
    [Fact]
    public void A_fetch_summarizes_to_its_table_and_columns()
    {
        var summary = QuerySummary.Of(new FetchExpression("<fetch><entity name='lead'><attribute name='subject' /><attribute name='llc_score' /></entity></fetch>"));

        Assert.Equal("lead", summary.Table);
        Assert.Equal(new[] { "subject", "llc_score" }, summary.Columns);
    }

    [Fact]
    public void All_columns_summarize_to_null_columns()
    {
        Assert.Null(QuerySummary.Of(new QueryExpression("lead") { ColumnSet = new ColumnSet(true) }).Columns);
        Assert.Null(QuerySummary.Of(new FetchExpression("<fetch><entity name='lead' /></fetch>")).Columns);
    }

    [Fact]
    public void Unreadable_fetchxml_summarizes_to_nothing_instead_of_failing()
    {
        Assert.Equal(new QuerySummary(null, null), QuerySummary.Of(new FetchExpression("<fetch><entity")));
    }
}

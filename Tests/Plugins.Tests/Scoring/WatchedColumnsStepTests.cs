using LeadLifecycle.Plugins.Scoring;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// The columns rules may read and the filtering attributes of the re-scoring Update steps are one list: a rule on a
/// column whose change would not re-score is refused, so the steps must watch every column the list allows.
/// </summary>
public class WatchedColumnsStepTests : LeadLifecycleTest
{
    [Fact]
    public void The_lead_update_step_filters_on_exactly_the_columns_rules_may_read() =>
        Assert.Equal(WatchedColumns.Lead.Order(), ShippedSolution.Step<ScoreLeadPlugin>("Update", "lead").FilteringAttributes.Order());

    [Theory]
    [InlineData("contact")]
    [InlineData("account")]
    public void The_contact_and_account_update_steps_filter_on_exactly_the_columns_rules_may_read(string table) =>
        Assert.Equal(WatchedColumns.Of(table).Order(), ShippedSolution.Step<RescoreOnCustomerChangePlugin>("Update", table).FilteringAttributes.Order());
}

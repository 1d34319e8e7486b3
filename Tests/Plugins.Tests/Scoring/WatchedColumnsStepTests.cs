using LeadLifecycle.Plugins.Scoring;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>
/// The columns rules may read and the filtering attributes of the re-scoring Update steps are one list: a rule on a
/// column whose change would not re-score is refused, so the steps must watch every column the list allows.
/// </summary>
public class WatchedColumnsStepTests
{
    [Theory]
    [InlineData("LeadLifecycle.Plugins.Scoring.ScoreLeadPlugin", "lead")]
    [InlineData("LeadLifecycle.Plugins.Scoring.RescoreOnCustomerChangePlugin", "contact")]
    [InlineData("LeadLifecycle.Plugins.Scoring.RescoreOnCustomerChangePlugin", "account")]
    public void The_update_step_filters_on_exactly_the_columns_rules_may_read(string pluginType, string table)
    {
        var step = RegistrationFiles.Steps().Single(s =>
            s.Element("PluginTypeName")!.Value == pluginType && s.Element("PrimaryEntity")!.Value == table &&
            s.Attribute("Name")!.Value.Contains(": Update of "));

        var filtering = step.Element("FilteringAttributes")!.Value.Split(',').Select(c => c.Trim()).Order();

        Assert.Equal(WatchedColumns.Of(table).Order(), filtering);
    }
}

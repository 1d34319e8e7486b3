using LeadLifecycle.Cli.Simulate;
using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Tests;

/// <summary>
/// The timeline streams: after each step it reads only the rows that step committed (the organization's change feed),
/// never the whole tables, so its work grows with what steps change, not with the data (10,000 steps: see the report
/// of issue #20 for the timing; speed itself is measured outside the tests).
/// </summary>
public sealed class ChangeTimelineTests
{
    [Fact]
    public void The_change_feed_reports_each_committed_row_once_and_only_the_followed_tables()
    {
        var organization = LocalOrganization.Create(new LocalOrganizationOptions { StartUtc = ScenarioReader.DefaultStart });
        var service = organization.GetService();
        using var feed = organization.FollowChanges(["contact"]);
        var ana = service.Create(new Entity("contact") { ["lastname"] = "Silva" });
        service.Update(new Entity("contact", ana) { ["jobtitle"] = "CEO" });
        service.Create(new Entity("llc_marketingform") { ["llc_name"] = "Web", ["llc_formid"] = "web" });

        Assert.Equal([("contact", ana)], feed.Take());
        Assert.Empty(feed.Take());

        service.Delete("contact", ana);
        Assert.Equal([("contact", ana)], feed.Take());
    }

    [Fact]
    public void Each_step_shows_only_what_it_changed_even_after_many_records()
    {
        var runner = new ScenarioRunner(Scenario.Parse("""
            { "steps": [
              { "create": "contact", "key": "c1", "fields": { "lastname": "One" } },
              { "create": "contact", "key": "c2", "fields": { "lastname": "Two" } },
              { "update": "contact", "key": "c1", "fields": { "jobtitle": "CEO" } },
              { "delete": "contact", "key": "c2" } ] }
            """, "timeline"));
        var display = new RecordDisplay(runner.Organization, runner.Keys);
        using var timeline = new ChangeTimeline(runner.Organization, display);

        var changes = runner.Run().Select(_ => timeline.Changes()).ToList();

        Assert.Equal("+ One (c1)", Describe(Assert.Single(changes[0])));
        Assert.Equal("+ Two (c2)", Describe(Assert.Single(changes[1])));
        var update = Assert.Single(changes[2]);
        Assert.Equal("~ One (c1)", Describe(update));
        Assert.Equal(["Job Title: — → CEO"], update.Details);
        Assert.Equal("- Two (c2)", Describe(Assert.Single(changes[3])));
    }

    private static string Describe(RecordChange change) => $"{change.Sign} {change.Record}";
}

using LeadLifecycle.Plugins.RelationshipType;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>The calendar edges of the rule, where a pipeline test would need a year of clock per case.</summary>
public class RelationshipTypeEvaluatorTests : LeadLifecycleTest
{
    private static readonly DateTime ClosedOn = new(2026, 1, 31, 15, 30, 0, DateTimeKind.Utc);

    private static RelationshipFacts Won(bool openLead = false) =>
        new(openLead, openLead ? "Renewal interest" : null, false, null, ClosedOn, "Big order");

    private static RelationshipTypeEvaluation At(DateTime now, RelationshipFacts facts, params RetentionRule[] rules) =>
        RelationshipTypeEvaluator.Evaluate(facts, now, new RelationshipTypeSettings(12, rules));

    [Fact]
    public void The_term_runs_from_the_close_day_and_ends_at_midnight_utc_twelve_months_later()
    {
        var termEnd = new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(Customer, At(termEnd.AddSeconds(-1), Won()).Type);
        Assert.Equal(PotentialCustomer, At(termEnd, Won()).Type);
        Assert.Equal(termEnd, At(termEnd, Won()).CustomerUntil);
    }

    [Fact]
    public void Whole_months_after_the_term_count_calendar_months_even_from_the_end_of_a_month()
    {
        var termEnd = new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc);
        var rule = new RetentionRule("One month on", 1, 1, Prospect);

        Assert.Equal(PotentialCustomer, At(new DateTime(2027, 2, 27, 23, 0, 0, DateTimeKind.Utc), Won(), rule).Type);
        Assert.Equal(Prospect, At(termEnd.AddMonths(1), Won(), rule).Type); // 28 February 2027
    }

    [Fact]
    public void A_former_customer_kept_as_potential_customer_is_not_lowered_by_an_open_lead()
    {
        var evaluation = At(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), Won(openLead: true));

        Assert.Equal(PotentialCustomer, evaluation.Type);
        Assert.Contains("default retention", evaluation.Reason);
    }

    [Fact]
    public void A_former_customer_retained_as_prospect_shows_the_open_lead_as_reason()
    {
        var evaluation = At(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), Won(openLead: true), new RetentionRule("Lapsed", 1, 0, Prospect));

        Assert.Equal(Prospect, evaluation.Type);
        Assert.Equal("open lead 'Renewal interest'", evaluation.Reason);
    }

    [Fact]
    public void No_review_is_planned_once_no_rule_can_change_the_type_any_more()
    {
        var rules = new[] { new RetentionRule("Lapsed", 1, 0, Prospect) };

        Assert.Null(At(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), Won(), rules).ReviewOn);
        Assert.Equal(new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc), At(ClosedOn, Won(), rules).ReviewOn);
    }

    [Fact]
    public void The_reason_never_exceeds_400_characters()
    {
        var facts = new RelationshipFacts(false, null, true, new string('x', 1000), null, null);

        Assert.Equal(400, RelationshipTypeEvaluator.Evaluate(facts, ClosedOn, RelationshipTypeSettings.Default).Reason.Length);
    }
}

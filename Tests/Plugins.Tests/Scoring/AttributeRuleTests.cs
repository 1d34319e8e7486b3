using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>Attribute rules: every operator, compared in the column's own type, on lead, contact and account columns.</summary>
public class AttributeRuleTests : LeadLifecycleTest
{
    public static TheoryData<string, object?, int, string?, bool> LeadColumnCases => new()
    {
        // column, lead value, operator, rule value, rule holds
        { "jobtitle", "Marketing Director", EqualTo, "marketing director", true },   // text compares case-insensitively
        { "jobtitle", "CEO", EqualTo, "CTO", false },
        { "jobtitle", "CEO", NotEqual, "CTO", true },
        { "jobtitle", "CEO", NotEqual, "ceo", false },
        { "jobtitle", "Head of Sales", Contains, "SALES", true },
        { "jobtitle", "Head of Sales", Contains, "marketing", false },
        { "numberofemployees", 500, GreaterThan, "99", true },                          // as text "500" < "99": typed compare matters
        { "numberofemployees", 50, LessThan, "100", true },                             // as text "50" > "100"
        { "numberofemployees", 100, GreaterThan, "100", false },
        { "revenue", new Money(2_000_000m), GreaterThan, "1500000", true },
        { "revenue", new Money(1_000m), LessThan, "999.5", false },
        { "industrycode", new OptionSetValue(7), OneOf, "3; 7; 9", true },
        { "industrycode", new OptionSetValue(8), OneOf, "3;7;9", false },
        { "industrycode", new OptionSetValue(7), EqualTo, "7", true },
        { "address1_country", "France", OneOf, "germany; FRANCE ;italy", true },
        { "address1_country", "Spain", OneOf, "germany;france", false },
        { "telephone1", "+33 1 00 00 00 00", HasValue, null, true },
        { "telephone1", null, HasValue, null, false },
        { "donotemail", false, EqualTo, "no", true },
        { "donotemail", true, EqualTo, "false", false },
        { "estimatedclosedate", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), LessThan, "2026-06-30", true },
        { "estimatedclosedate", new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc), LessThan, "2026-06-30", false },
        // An empty column matches nothing, not even "not equal" — as a Dataverse "ne" condition never matches null.
        { "jobtitle", null, NotEqual, "CEO", false },
    };

    [Theory]
    [MemberData(nameof(LeadColumnCases))]
    public void Lead_column_rule_scores_its_points_only_when_it_holds(string column, object? value, int op, string? ruleValue, bool holds)
    {
        var org = Org;
        var model = Model("Fit");
        var contact = Contact();
        org.Initialize(model, AttributeRule(model, "lead", column, op, ruleValue, points: 10), contact);

        var lead = Lead(contact);
        if (value != null) lead[column] = value;
        var leadId = org.GetService().Create(lead);

        Assert.Equal(holds ? 10 : 0, ScoreOf(org, leadId));
        var row = Assert.Single(ScoresOf(org, leadId));
        Assert.Equal(holds ? 10 : 0, row.GetAttributeValue<int>("llc_score"));
    }

    [Fact]
    public void Contact_and_account_column_rules_read_the_leads_parents()
    {
        var org = Org;
        var model = Model("Fit");
        var account = Account();
        account["industrycode"] = new OptionSetValue(12);
        account["numberofemployees"] = 2500;
        var contact = Contact(account: account);
        contact["jobtitle"] = "Chief Marketing Officer";
        org.Initialize(model, account, contact,
            AttributeRule(model, "contact", "jobtitle", Contains, "marketing", 15),
            AttributeRule(model, "account", "industrycode", EqualTo, "12", 20),
            AttributeRule(model, "account", "numberofemployees", LessThan, "1000", 40));

        var leadId = org.GetService().Create(Lead(contact, account));

        Assert.Equal(35, ScoreOf(org, leadId));
    }

    [Fact]
    public void Negative_points_lower_the_score()
    {
        var org = Org;
        var model = Model("Fit");
        var contact = Contact();
        org.Initialize(model, contact,
            AttributeRule(model, "lead", "jobtitle", Contains, "student", -25),
            AttributeRule(model, "lead", "jobtitle", HasValue, null, 5));

        var lead = Lead(contact);
        lead["jobtitle"] = "PhD Student";
        var leadId = org.GetService().Create(lead);

        Assert.Equal(-20, ScoreOf(org, leadId));
    }

    [Fact]
    public void The_explanation_lists_each_rules_contribution()
    {
        var org = Org;
        var model = Model("Fit");
        var contact = Contact();
        org.Initialize(model, contact,
            AttributeRule(model, "lead", "jobtitle", Contains, "director", 10, name: "Director"),
            AttributeRule(model, "lead", "address1_country", EqualTo, "France", 7, name: "French"));

        var lead = Lead(contact);
        lead["jobtitle"] = "Sales Director";
        var leadId = org.GetService().Create(lead);

        var explanation = Assert.Single(ScoresOf(org, leadId)).GetAttributeValue<string>("llc_explanation");
        Assert.Contains("+10  Director: lead.jobtitle contains 'director'", explanation);
        Assert.Contains("0  French: lead.address1_country equals 'France' — does not hold", explanation);
    }
}

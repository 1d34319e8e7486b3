using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.RelationshipType;

/// <summary>A retention rule an admin saves must be usable; a bad one is refused with a message saying why.</summary>
public class RetentionRuleValidationTests : LeadLifecycleTest
{

    [Fact]
    public void A_rule_targeting_customer_is_refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => AddRetentionRule("Forever", 1, 0, Customer));

        Assert.Contains("Prospect or Potential Customer", error.Message);
    }

    [Fact]
    public void A_rule_with_negative_months_is_refused()
    {
        var error = Assert.ThrowsAny<Exception>(() => AddRetentionRule("Before the end", 1, -1, Prospect));

        Assert.Contains("Months after term", error.Message);
    }

    [Fact]
    public void Changing_a_rule_to_a_valid_target_is_accepted()
    {
        AddRetentionRule("Editable", 1, 6, Prospect);
        var rule = Org.All("llc_retentionrule").Single(r => r.GetAttributeValue<string>("llc_name") == "Editable");

        Service.Update(new Entity("llc_retentionrule", rule.Id) { ["llc_targettype"] = new OptionSetValue(PotentialCustomer) });

        Assert.Equal(PotentialCustomer, Row(rule.ToEntityReference()).GetAttributeValue<OptionSetValue>("llc_targettype").Value);
    }
}

using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>OptionSetValue and Money compare by Value; AliasedValue wraps a linked column's value.</summary>
public class ValueTypeTests
{
    [Fact]
    public void OptionSetValues_with_the_same_value_are_equal()
    {
        Assert.Equal(new OptionSetValue(3), new OptionSetValue(3));
        Assert.Equal(new OptionSetValue(3).GetHashCode(), new OptionSetValue(3).GetHashCode());
        Assert.NotEqual(new OptionSetValue(3), new OptionSetValue(4));
        Assert.False(new OptionSetValue(3).Equals(3));
    }

    [Fact]
    public void Money_with_the_same_amount_is_equal()
    {
        Assert.Equal(new Money(10.5m), new Money(10.5m));
        Assert.Equal(new Money(10.5m).GetHashCode(), new Money(10.5m).GetHashCode());
        Assert.NotEqual(new Money(10.5m), new Money(11m));
        Assert.False(new Money(1m).Equals(1m));
    }

    [Fact]
    public void AliasedValue_exposes_the_linked_entity_attribute_and_value()
    {
        var value = new AliasedValue("contact", "fullname", "Ann");

        Assert.Equal("contact", value.EntityLogicalName);
        Assert.Equal("fullname", value.AttributeLogicalName);
        Assert.Equal("Ann", value.Value);
    }

    [Fact]
    public void An_aliased_column_is_read_through_AliasedValue_not_as_its_inner_type()
    {
        var row = new Entity("lead") { ["c.fullname"] = new AliasedValue("contact", "fullname", "Ann") };

        Assert.Equal("Ann", row.GetAttributeValue<AliasedValue>("c.fullname").Value);
        Assert.Throws<InvalidCastException>(() => row.GetAttributeValue<string>("c.fullname"));
    }

    [Fact]
    public void OptionSetValueCollection_holds_multi_select_choices()
    {
        var choices = new OptionSetValueCollection(new List<OptionSetValue> { new(1), new(2) });
        choices.Add(new OptionSetValue(3));

        Assert.Equal(new[] { 1, 2, 3 }, choices.Select(choice => choice.Value));
    }
}

using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>Entity as the official SDK behaves (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.entity).</summary>
public class EntityTests
{
    [Fact]
    public void Indexer_throws_KeyNotFoundException_for_a_missing_attribute()
    {
        var lead = new Entity("lead", Guid.NewGuid());

        Assert.Throws<KeyNotFoundException>(() => lead["subject"]);
    }

    [Fact]
    public void GetAttributeValue_returns_the_default_of_T_when_the_attribute_is_missing()
    {
        // "returns the default value rather than throw" - Entity.GetAttributeValue<T> remarks.
        var lead = new Entity("lead");

        Assert.Null(lead.GetAttributeValue<EntityReference>("parentcontactid"));
        Assert.Null(lead.GetAttributeValue<string>("subject"));
        Assert.Equal(0, lead.GetAttributeValue<int>("leadqualitycode"));
        Assert.Null(lead.GetAttributeValue<int?>("leadqualitycode"));
        Assert.False(lead.GetAttributeValue<bool>("donotemail"));
        Assert.Equal(DateTime.MinValue, lead.GetAttributeValue<DateTime>("createdon"));
    }

    [Fact]
    public void GetAttributeValue_returns_the_default_of_T_when_the_value_is_null()
    {
        var lead = new Entity("lead") { ["budgetamount"] = null };

        Assert.Null(lead.GetAttributeValue<Money>("budgetamount"));
        Assert.Equal(0m, lead.GetAttributeValue<decimal>("budgetamount"));
    }

    [Fact]
    public void GetAttributeValue_casts_and_throws_for_a_value_of_another_type()
    {
        var lead = new Entity("lead") { ["leadqualitycode"] = new OptionSetValue(1) };

        Assert.Equal(new OptionSetValue(1), lead.GetAttributeValue<OptionSetValue>("leadqualitycode"));
        Assert.Throws<InvalidCastException>(() => lead.GetAttributeValue<int>("leadqualitycode"));
    }

    [Fact]
    public void Contains_is_true_for_a_null_value_and_attribute_names_are_case_sensitive()
    {
        var lead = new Entity("lead") { ["subject"] = null };

        Assert.True(lead.Contains("subject"));
        Assert.False(lead.Contains("Subject"));
        Assert.Throws<KeyNotFoundException>(() => lead["Subject"]);
    }

    [Fact]
    public void TryGetAttributeValue_reports_present_typed_values_only()
    {
        var lead = new Entity("lead") { ["subject"] = "Interest", ["emailaddress1"] = null, ["statuscode"] = new OptionSetValue(1) };

        Assert.True(lead.TryGetAttributeValue("subject", out string? subject));
        Assert.Equal("Interest", subject);
        Assert.False(lead.TryGetAttributeValue("missing", out string? missing));
        Assert.Null(missing);
        Assert.False(lead.TryGetAttributeValue("emailaddress1", out string? nullValue));
        Assert.Null(nullValue);
        Assert.False(lead.TryGetAttributeValue("statuscode", out EntityReference? mistyped));
        Assert.Null(mistyped);
    }

    [Fact]
    public void Id_is_independent_of_the_primary_key_attribute()
    {
        var id = Guid.NewGuid();
        var account = new Entity("account", id);

        Assert.False(account.Contains("accountid"));
        account["accountid"] = Guid.NewGuid();
        Assert.Equal(id, account.Id);
    }

    [Fact]
    public void Alternate_key_constructor_fills_KeyAttributes_not_Id()
    {
        var contact = new Entity("contact", "emailaddress1", "someone@example.com");

        Assert.Equal(Guid.Empty, contact.Id);
        Assert.Equal("someone@example.com", contact.KeyAttributes["emailaddress1"]);
        Assert.False(contact.Contains("emailaddress1"));
    }

    [Fact]
    public void New_entity_has_empty_collections_and_no_logical_name()
    {
        var entity = new Entity();

        Assert.Null(entity.LogicalName);
        Assert.Empty(entity.Attributes);
        Assert.Empty(entity.FormattedValues);
        Assert.Empty(entity.KeyAttributes);
        Assert.Equal(0, entity.RelatedEntities.Count);
        Assert.Null(entity.EntityState);
    }

    [Fact]
    public void ToEntityReference_carries_logical_name_and_id()
    {
        var id = Guid.NewGuid();
        var lead = new Entity("lead", id) { ["fullname"] = "Ann" };

        EntityReference reference = lead.ToEntityReference();

        Assert.Equal("lead", reference.LogicalName);
        Assert.Equal(id, reference.Id);
        Assert.Null(reference.Name);
    }

    [Fact]
    public void ToEntity_of_Entity_is_a_new_instance_sharing_the_attribute_collection()
    {
        var lead = new Entity("lead", Guid.NewGuid()) { ["subject"] = "Interest" };

        Entity copy = lead.ToEntity<Entity>();

        Assert.NotSame(lead, copy);
        Assert.Equal(lead.Id, copy.Id);
        Assert.Equal("lead", copy.LogicalName);
        Assert.Same(lead.Attributes, copy.Attributes);
    }

    [Fact]
    public void ToEntity_converts_to_an_early_bound_class_with_the_matching_logical_name()
    {
        var account = new Entity("account", Guid.NewGuid()) { ["name"] = "Contoso" };

        Account typed = account.ToEntity<Account>();

        Assert.Equal(account.Id, typed.Id);
        Assert.Equal("Contoso", typed.Name);
    }

    [Fact]
    public void ToEntity_refuses_a_different_logical_name_or_an_unmarked_class()
    {
        var contact = new Entity("contact", Guid.NewGuid());

        Assert.Throws<NotSupportedException>(() => contact.ToEntity<Account>());
        Assert.Throws<NotSupportedException>(() => contact.ToEntity<UnmarkedEntity>());
        Assert.Throws<NotSupportedException>(() => new Entity().ToEntity<Account>());
    }
}

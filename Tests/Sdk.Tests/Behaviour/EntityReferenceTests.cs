using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Sdk.Tests.Behaviour;

/// <summary>EntityReference value equality: logical name (ordinal) + id + key attributes; Name does not count.</summary>
public class EntityReferenceTests
{
    [Fact]
    public void References_to_the_same_record_are_equal_whatever_their_Name()
    {
        var id = Guid.NewGuid();
        var first = new EntityReference("contact", id) { Name = "Ann" };
        var second = new EntityReference("contact", id);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Single(new HashSet<EntityReference> { first, second });
    }

    [Fact]
    public void Different_id_or_logical_name_is_a_different_reference()
    {
        var id = Guid.NewGuid();
        var contact = new EntityReference("contact", id);

        Assert.NotEqual(contact, new EntityReference("contact", Guid.NewGuid()));
        Assert.NotEqual(contact, new EntityReference("account", id));
        Assert.NotEqual(contact, new EntityReference("Contact", id));
        Assert.False(contact.Equals(null));
        Assert.False(contact.Equals(id));
    }

    [Fact]
    public void Alternate_keys_take_part_in_equality()
    {
        var byEmail = new EntityReference("contact", "emailaddress1", "ann@example.com");

        Assert.Equal(byEmail, new EntityReference("contact", "emailaddress1", "ann@example.com"));
        Assert.NotEqual(byEmail, new EntityReference("contact", "emailaddress1", "bob@example.com"));
    }
}

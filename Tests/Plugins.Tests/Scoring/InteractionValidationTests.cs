using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.Scoring;

/// <summary>Contract: llc_interaction.llc_contactid is required, for SDK calls too (Dataverse enforces it only on forms).</summary>
public class InteractionValidationTests : LeadLifecycleTest
{
    private readonly Entity contact = Contact();

    public InteractionValidationTests()
    {
        Org.Initialize(contact);
    }


    [Fact]
    public void An_interaction_without_a_contact_is_refused_and_nothing_is_saved()
    {
        var interaction = Interaction(contact, EmailOpened, Org.Clock.UtcNow);
        interaction.Attributes.Remove("llc_contactid");

        var error = Assert.Throws<InvalidPluginExecutionException>(() => Service.Create(interaction));

        Assert.Contains("Contact (llc_contactid)", error.Message);
        Assert.Empty(Org.All("llc_interaction"));
    }

    [Fact]
    public void An_interaction_whose_contact_is_sent_empty_is_refused()
    {
        var interaction = Interaction(contact, EmailOpened, Org.Clock.UtcNow);
        interaction["llc_contactid"] = null;

        Assert.Throws<InvalidPluginExecutionException>(() => Service.Create(interaction));
        Assert.Empty(Org.All("llc_interaction"));
    }

    [Fact]
    public void Clearing_the_contact_of_an_interaction_is_refused_and_the_contact_kept()
    {
        var id = Service.Create(Interaction(contact, EmailOpened, Org.Clock.UtcNow));

        var error = Assert.Throws<InvalidPluginExecutionException>(() =>
            Service.Update(new Entity("llc_interaction", id) { ["llc_contactid"] = null }));

        Assert.Contains("Contact (llc_contactid)", error.Message);
        Assert.Equal(contact.Id, Org.Get("llc_interaction", id).GetAttributeValue<EntityReference>("llc_contactid").Id);
    }

    [Fact]
    public void Interactions_with_their_contact_are_saved_and_changed_as_before()
    {
        var other = Contact("Other");
        Org.Initialize(other);
        var id = Service.Create(Interaction(contact, EmailOpened, Org.Clock.UtcNow));

        Service.Update(new Entity("llc_interaction", id) { ["llc_type"] = new OptionSetValue(EmailClicked) });
        Service.Update(new Entity("llc_interaction", id) { ["llc_contactid"] = other.ToEntityReference() });

        var saved = Org.Get("llc_interaction", id);
        Assert.Equal(EmailClicked, saved.GetAttributeValue<OptionSetValue>("llc_type").Value);
        Assert.Equal(other.Id, saved.GetAttributeValue<EntityReference>("llc_contactid").Id);
    }
}

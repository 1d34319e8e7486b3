using LeadLifecycle.LocalOrg;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static LeadLifecycle.Benchmarks.BenchmarkOrganization;

namespace LeadLifecycle.Benchmarks;

/// <summary>The lifecycle events of issue 9, and the growth series (same event, larger data set).</summary>
internal static class LifecycleEvents
{
    private static readonly DateTime Recently = new(2026, 1, 4, 9, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<LifecycleEvent> Events { get; } = new[]
    {
        new LifecycleEvent("Lead create matching an existing contact", "", true, _ => { }, org =>
        {
            var email = NewEmail();
            org.Initialize(Contact(email));
            return () => org.GetService().Create(NewLead(email));
        }),
        new LifecycleEvent("Lead create creating a contact", "", true, _ => { }, org =>
        {
            var email = NewEmail();
            return () => org.GetService().Create(NewLead(email));
        }),
        new LifecycleEvent("Form submission (known contact)", "", true, _ => { }, org =>
        {
            var email = NewEmail();
            org.Initialize(Contact(email));
            return () => org.GetService().Execute(SubmitForm(email));
        }),
        new LifecycleEvent("Form submission (returning person)", "", true, _ => { }, org =>
        {
            // The person's second submission: its lock row exists and its open lead is updated.
            var email = NewEmail();
            org.Initialize(Contact(email));
            org.GetService().Execute(SubmitForm(email));
            org.RunPendingAsyncJobs();
            return () => org.GetService().Execute(SubmitForm(email));
        }),
        new LifecycleEvent("Form submission (new person)", "", true, _ => { }, org =>
        {
            var email = NewEmail();
            return () => org.GetService().Execute(SubmitForm(email));
        }),
        InteractionRecorded("", 0),
        new LifecycleEvent("Qualification (score reaches criteria)", "", true, _ => { }, org =>
        {
            var (_, lead) = ContactWithLead(org);
            return () => org.GetService().Update(new Entity("lead", lead.Id) { ["jobtitle"] = "Marketing Director" });
        }),
        new LifecycleEvent("Process-flow move (teleprospect ready)", "", true, _ => { }, org =>
        {
            var (_, lead) = ContactWithLead(org);
            return () => org.GetService().Update(new Entity("lead", lead.Id) { ["llc_teleprospectready"] = true });
        }),
        new LifecycleEvent("QualifyLead", "", true, _ => { }, org =>
        {
            var (_, lead) = ContactWithLead(org);
            return () => org.GetService().Execute(Qualify(lead));
        }),
        new LifecycleEvent("WinOpportunity", "", true, _ => { }, org =>
        {
            var (_, lead) = ContactWithLead(org);
            var opportunity = ((QualifyLeadResponse)org.GetService().Execute(Qualify(lead))).CreatedEntities.Single(e => e.LogicalName == "opportunity");
            return () => org.GetService().Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = opportunity, ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            });
        }),
        AccountReevaluated("", 1),
    };

    public static IReadOnlyList<LifecycleEvent> Growth { get; } = new[]
    {
        InteractionRecorded("contact with 1 interaction", 1),
        InteractionRecorded("contact with 100 interactions", 100),
        InteractionRecorded("contact with 10,000 interactions", 10_000),
        AccountReevaluated("account with 1 contact", 1),
        AccountReevaluated("account with 100 contacts", 100),
        AccountReevaluated("account with 1,000 contacts", 1_000),
        LeadMatchingAmong("100 contacts in the organization", 100),
        LeadMatchingAmong("100,000 contacts in the organization", 100_000),
    };

    public static IEnumerable<LifecycleEvent> All => Events.Concat(Growth);

    /// <summary>An email click recorded for a contact with an open lead and <paramref name="existing"/> interactions: re-scores the lead.</summary>
    private static LifecycleEvent InteractionRecorded(string growth, int existing)
    {
        Entity? contact = null;
        return new LifecycleEvent("Interaction recorded, lead re-scored", growth, true,
            org =>
            {
                // Interactions first, then the lead through the pipeline: the lead starts scored and settled, as in production.
                var person = Contact(NewEmail());
                org.Initialize(person);
                org.Initialize(Enumerable.Range(0, existing).Select(i => InteractionOf(person, i % 2 == 0 ? EmailClicked : FormSubmitted, Recently.AddMinutes(-i))));
                org.GetService().Create(LeadOf(person));
                contact = person;
            },
            org =>
            {
                if (existing == 0) (contact, _) = ContactWithLead(org);
                return () => org.GetService().Create(InteractionOf(contact!, EmailClicked, Recently));
            });
    }

    /// <summary>The relationship-type recalculation API for one account with <paramref name="contacts"/> contacts, each with an open lead.</summary>
    private static LifecycleEvent AccountReevaluated(string growth, int contacts)
    {
        var account = Row("account", ("name", "Bench Account"));
        return new LifecycleEvent("Relationship re-evaluation (account)", growth, true,
            org =>
            {
                org.Initialize(account);
                var people = Enumerable.Range(0, contacts).Select(_ => Contact(NewEmail(), account)).ToList();
                org.Initialize(people);
                org.Initialize(people.Select(p => Row("lead", ("subject", "Imported"), ("lastname", "Person"), ("parentcontactid", p.ToEntityReference()),
                    ("parentaccountid", account.ToEntityReference()), ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1)))));
            },
            org => () => org.GetService().Execute(new OrganizationRequest("llc_RecalculateRelationshipType") { ["AccountIds"] = new[] { account.Id.ToString() } }));
    }

    private static LifecycleEvent LeadMatchingAmong(string growth, int contacts) =>
        new("Lead create matching an existing contact", growth, true,
            org => org.Initialize(Enumerable.Range(0, contacts).Select(_ => Contact(NewEmail()))),
            org =>
            {
                var email = NewEmail();
                org.Initialize(Contact(email));
                return () => org.GetService().Create(NewLead(email));
            });

    private static QualifyLeadRequest Qualify(EntityReference lead) => new()
    {
        LeadId = lead, CreateAccount = true, CreateContact = true, CreateOpportunity = true, Status = new OptionSetValue(3),
    };
}

using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// llc_SubmitMarketingForm: the contact first (by the form's contact strategy, created when nobody matches),
    /// a matched contact's empty person fields filled from the submission (<see cref="ContactGapFiller"/>),
    /// then an open lead of that contact (by the form's lead strategy) updated with the submitted values, or a new
    /// lead; every submission is recorded as a Form Submitted interaction. Everything after the contact's match runs
    /// under the person's matching lock (<see cref="ContactMatcher"/>), so concurrent submissions for one person are applied
    /// one after the other.
    /// <para>
    /// Who does what (README "Security"): <c>reader</c> is SYSTEM — the marketing form, the strategies, the match queries
    /// and the lock row, so a person the caller cannot see is still found rather than duplicated; <c>writer</c> is the
    /// caller (the integration user holding Lead Lifecycle Marketing User) — the contact and lead it creates or completes
    /// and the interaction, so every change is made within that user's privileges and audited as theirs. A matched
    /// contact or updated lead is handed back only when the caller may read it (<see cref="EnsureCallerMayRead"/>).
    /// </para>
    /// </summary>
    public sealed class FormSubmissionIntake
    {
        private readonly IOrganizationService reader;
        private readonly IOrganizationService writer;
        private readonly DateTime now;
        private readonly Action<string> trace;

        public FormSubmissionIntake(IOrganizationService reader, IOrganizationService writer, DateTime now, Action<string> trace)
        {
            this.reader = reader;
            this.writer = writer;
            this.now = now;
            this.trace = trace;
        }

        public FormSubmissionResult Submit(string? formId, Entity? submission)
        {
            var values = SubmittedValues(formId, submission);
            Func<string, object?> read = column => values.Contains(column) ? values[column] : null;

            var form = MarketingForm.Find(reader, formId!.Trim());
            var strategies = StrategyCatalog.LoadActive(reader);
            var contactStrategy = strategies.For(Contract.StrategyTarget.Contact, form.ContactStrategyId);
            var leadStrategy = strategies.For(Contract.StrategyTarget.Lead, form.LeadStrategyId);
            // The allow-list, plus the columns the form's own strategies compare (a strategy on a column of your own
            // needs the submission to carry it). Checked before any write.
            SubmissionColumns.Validate(submission!, contactStrategy.Attributes.Concat(leadStrategy.Attributes));
            EmailAddressRule.Validate(read);

            var contactKey = MatchKey.From(contactStrategy, read);
            if (contactKey.IsEmpty)
            {
                // Nothing to match on: a submission must identify its person (a lead saved unlinked would be lost to matching).
                throw new InvalidPluginExecutionException(
                    $"The submission has no value for {string.Join(", ", contactKey.EmptyColumns)}, which the contact matching strategy " +
                    $"'{contactKey.Strategy.Name}' compares. Submit at least one of these fields so the person can be identified.");
            }
            // Some strategy columns empty: no contact can match on them, so one is created (issue #20 item 7; the contract's
            // "nothing to match on" means no strategy column has a value) and the submission is kept.

            // The match query also reads the person fields the gap filler compares: no second read of the contact.
            var contact = new ContactMatcher(reader, writer, now, LeadToContactMapping.PersonColumns).Resolve(contactKey, read, lockPerson: true);
            var filled = contact.Row == null ? 0 : new ContactGapFiller(writer).Fill(contact.Row, read);
            var leadKey = MatchKey.From(leadStrategy, read);
            var openLead = leadKey.IsComplete ? FindOpenLead(contact.Contact, leadKey) : null;

            EntityReference lead;
            if (openLead != null)
            {
                var update = new Entity(Contract.Lead.LogicalName, openLead.Id);
                foreach (var pair in values.Attributes)
                {
                    update[pair.Key] = pair.Value;
                }
                if (!openLead.Contains(Contract.Lead.ParentAccountId) && !values.Contains(Contract.Lead.ParentAccountId) && contact.Account != null)
                {
                    update[Contract.Lead.ParentAccountId] = contact.Account;
                }
                writer.Update(update);
                lead = openLead.ToEntityReference();
            }
            else
            {
                if (!values.Contains(Contract.Lead.Subject))
                {
                    values[Contract.Lead.Subject] = "Form submission: " + (form.Name ?? formId);
                }
                contact.ApplyTo(values, leadHasAccount: values.Contains(Contract.Lead.ParentAccountId));
                lead = new EntityReference(Contract.Lead.LogicalName, writer.Create(values));
            }

            RecordInteraction(contact.Contact, lead, form, formId!.Trim());
            // Records found as SYSTEM are returned only when the caller may read them (contract, Security). Created ones
            // are the caller's own.
            EnsureCallerMayRead(contact.Created ? null : contact.Contact, openLead == null ? null : lead);
            trace($"Submission to form {form.Id}: contact {contact.Contact.Id} ({(contact.Created ? "created" : $"matched, {filled} empty field(s) filled")}), " +
                  $"lead {lead.Id} ({(openLead == null ? "created" : "updated")}).");
            return new FormSubmissionResult(contact.Contact, lead, contact.Created, openLead == null);
        }

        /// <summary>The submitted lead columns, with the form id as the lead's marketing form; bad input stops here.</summary>
        private static Entity SubmittedValues(string? formId, Entity? submission)
        {
            if (string.IsNullOrWhiteSpace(formId))
            {
                throw new InvalidPluginExecutionException(
                    $"{Contract.SubmitMarketingForm.FormId} is required: pass the Form ID of the marketing form ({Contract.MarketingForm.LogicalName}) the submission comes from.");
            }
            if (submission == null || submission.LogicalName != Contract.Lead.LogicalName)
            {
                throw new InvalidPluginExecutionException(
                    $"{Contract.SubmitMarketingForm.Submission} must be a '{Contract.Lead.LogicalName}' entity holding the submitted values{(submission == null ? "" : $", not '{submission.LogicalName}'")}.");
            }
            var values = new Entity(Contract.Lead.LogicalName);
            foreach (var pair in submission.Attributes.Where(a => a.Key != Contract.Lead.Id))
            {
                values[pair.Key] = pair.Value is string text ? text.Trim() : pair.Value;
            }
            values[Contract.Lead.MarketingFormId] = formId!.Trim();
            return values;
        }

        private Entity? FindOpenLead(EntityReference contact, MatchKey key)
        {
            var query = MatchQuery.Build(Contract.Lead.LogicalName, key, Contract.Lead.Id, Contract.Lead.ParentAccountId);
            query.Criteria.AddCondition(Contract.Lead.ParentContactId, Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, contact.Id);
            return MatchQuery.FirstOrNull(reader, query, key.Strategy);
        }

        /// <summary>
        /// The found contact and the found lead, both to be handed back: one query of the caller's for the lead joined to its
        /// contact (the open lead was found by that very parentcontactid, and a submission cannot change it). Dataverse leaves
        /// out the rows of a linked table the caller may not read as well as the root's, so a row back means both are
        /// readable. No row: each is checked on its own, so the refusal names the one the caller may not read.
        /// </summary>
        private void EnsureCallerMayRead(EntityReference? contact, EntityReference? lead)
        {
            if (contact != null && lead != null)
            {
                var query = new QueryExpression(Contract.Lead.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
                query.Criteria.AddCondition(Contract.Lead.Id, ConditionOperator.Equal, lead.Id);
                var parent = query.AddLink(Contract.Contact.LogicalName, Contract.Lead.ParentContactId, Contract.Contact.Id);
                parent.LinkCriteria.AddCondition(Contract.Contact.Id, ConditionOperator.Equal, contact.Id);
                if (writer.RetrieveMultiple(query).Entities.Count > 0) return;
            }
            if (contact != null) EnsureCallerMayRead(contact);
            if (lead != null) EnsureCallerMayRead(lead);
        }

        /// <summary>
        /// The caller's own query for the record: the platform leaves out a row the caller's depth does not reach (and
        /// refuses the query, naming the privilege, when the caller holds no Read on the table at all). An empty answer
        /// fails the submission with the reason, so nothing of it is kept and nothing unreadable is handed back.
        /// </summary>
        private void EnsureCallerMayRead(EntityReference record)
        {
            var what = record.LogicalName;
            var query = new QueryExpression(record.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(record.LogicalName == Contract.Contact.LogicalName ? Contract.Contact.Id : Contract.Lead.Id,
                ConditionOperator.Equal, record.Id);
            if (writer.RetrieveMultiple(query).Entities.Count > 0) return;
            throw new InvalidPluginExecutionException(
                $"The submission belongs to an existing {what} ({record.Id}) that you may not read, so it was not taken: " +
                $"give the user who submits forms Read access to all {what}s (the Lead Lifecycle Marketing User role grants it at Organization level).");
        }

        private void RecordInteraction(EntityReference contact, EntityReference lead, MarketingForm form, string formId)
        {
            var interaction = new Entity(Contract.Interaction.LogicalName);
            interaction[Contract.Interaction.Name] = "Form Submitted: " + (form.Name ?? formId);
            interaction[Contract.Interaction.ContactId] = contact;
            interaction[Contract.Interaction.LeadId] = lead;
            interaction[Contract.Interaction.Type] = new OptionSetValue(Contract.InteractionType.FormSubmitted);
            interaction[Contract.Interaction.OccurredOn] = now;
            interaction[Contract.Interaction.SourceId] = formId;
            writer.Create(interaction);
        }
    }

    /// <summary>The outputs of llc_SubmitMarketingForm.</summary>
    public sealed record FormSubmissionResult(EntityReference Contact, EntityReference Lead, bool ContactCreated, bool LeadCreated);
}

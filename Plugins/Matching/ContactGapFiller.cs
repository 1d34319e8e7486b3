using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// A form submission for a contact we already know completes that contact: each person field the contact has
    /// no value for is filled from the submission. A value the contact already holds is never overwritten (the
    /// contact is the one record of the person, curated by users; a form is typed by anyone). Writes only when at
    /// least one field is filled, so a repeated submission changes nothing.
    /// </summary>
    public sealed class ContactGapFiller
    {
        private readonly IOrganizationService reader;
        private readonly IOrganizationService writer;

        public ContactGapFiller(IOrganizationService reader, IOrganizationService writer)
        {
            this.reader = reader;
            this.writer = writer;
        }

        /// <summary>Fills the contact's empty person fields from <paramref name="submitted"/>; returns how many were filled.</summary>
        public int Fill(EntityReference contact, Func<string, object?> submitted)
        {
            var columns = LeadToContactMapping.PersonColumns;
            var saved = reader.Retrieve(MatchingSchema.Contact.Table, contact.Id, new ColumnSet(columns.ToArray()));
            var update = new Entity(MatchingSchema.Contact.Table, contact.Id);
            foreach (var column in columns)
            {
                if (HasValue(saved.Contains(column) ? saved[column] : null)) continue;
                var value = submitted(column);
                if (value is string text) value = text.Trim();
                if (HasValue(value)) update[column] = value;
            }
            if (update.Attributes.Count == 0) return 0;
            writer.Update(update);
            return update.Attributes.Count;
        }

        private static bool HasValue(object? value) => value != null && !(value is string text && text.Trim().Length == 0);
    }
}

using System;
using Microsoft.Xrm.Sdk;

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
        private readonly IOrganizationService writer;

        public ContactGapFiller(IOrganizationService writer)
        {
            this.writer = writer;
        }

        /// <summary>
        /// Fills the empty person fields of <paramref name="saved"/> (the contact as read with its
        /// <see cref="LeadToContactMapping.PersonColumns"/>) from <paramref name="submitted"/>; returns how many were filled.
        /// </summary>
        public int Fill(Entity saved, Func<string, object?> submitted)
        {
            var update = new Entity(Contract.Contact.LogicalName, saved.Id);
            foreach (var column in LeadToContactMapping.PersonColumns)
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

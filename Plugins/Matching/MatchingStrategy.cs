using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// One llc_matchingstrategy row: the columns that must all be equal (trimmed, case-insensitive, never on empty
    /// values) for two records to be the same person (contact strategies) or the same interest (lead strategies).
    /// </summary>
    public sealed class MatchingStrategy
    {
        /// <summary>Used when no active default contact strategy exists; recorded as such in llc_matchedby.</summary>
        public static readonly MatchingStrategy ContactFallback =
            new MatchingStrategy(Guid.Empty, "Fallback (no active default strategy)", new[] { Contract.Lead.EmailAddress1 });

        /// <summary>Used when no active default lead strategy exists: the shipped default's columns.</summary>
        public static readonly MatchingStrategy LeadFallback =
            new MatchingStrategy(Guid.Empty, "Fallback (no active default strategy)", new[] { Contract.Lead.EmailAddress1, Contract.Lead.MarketingFormId });

        // Dataverse logical names: lower-case letters, digits and underscores, starting with a letter.
        private static readonly Regex LogicalName = new Regex("^[a-z][a-z0-9_]{0,49}$", RegexOptions.CultureInvariant);

        public MatchingStrategy(Guid id, string name, IReadOnlyList<string> attributes)
        {
            Id = id;
            Name = name;
            Attributes = attributes;
        }

        public Guid Id { get; }
        public string Name { get; }
        public IReadOnlyList<string> Attributes { get; }
        public bool IsFallback => Id == Guid.Empty;

        /// <summary>What llc_matchedby records for a match by this strategy: its name and its columns.</summary>
        public string Describe()
        {
            var text = Name + " (" + string.Join(", ", Attributes) + ")";
            return text.Length <= Contract.Lead.MatchedByMaxLength
                ? text
                : text.Substring(0, Contract.Lead.MatchedByMaxLength);
        }

        public static MatchingStrategy FromRow(Entity row)
        {
            var name = row.GetAttributeValue<string>(Contract.MatchingStrategy.Name) ?? row.Id.ToString();
            return new MatchingStrategy(row.Id, name, ParseAttributes(name, row.GetAttributeValue<string>(Contract.MatchingStrategy.Attributes)));
        }

        /// <summary>Splits llc_attributes ("a, b,c") into logical names; a malformed list is a configuration error.</summary>
        public static IReadOnlyList<string> ParseAttributes(string strategyName, string? attributes)
        {
            var names = (attributes ?? string.Empty)
                .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.Trim().ToLowerInvariant())
                .Where(a => a.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (names.Count == 0)
            {
                throw new InvalidPluginExecutionException(
                    $"Matching strategy '{strategyName}' has no columns. Enter the column logical names to compare in Attributes, separated by commas (for example: emailaddress1).");
            }
            var invalid = names.Where(n => !LogicalName.IsMatch(n)).ToList();
            if (invalid.Count > 0)
            {
                throw new InvalidPluginExecutionException(
                    $"Matching strategy '{strategyName}' names '{string.Join("', '", invalid)}', which is not a column logical name. Use logical names such as emailaddress1, separated by commas.");
            }
            return names;
        }
    }
}

using System;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>One rule of a scoring model: an attribute test or an interaction count, worth some points.</summary>
    public sealed class ScoringRule
    {
        /// <summary>Every rule column: what the model repository reads (and a rule's pre-image holds).</summary>
        public static readonly string[] Columns =
        {
            Contract.ScoringRule.Id, Contract.ScoringRule.ModelId, Contract.ScoringRule.Name, Contract.ScoringRule.Kind,
            Contract.ScoringRule.Points, Contract.ScoringRule.Table, Contract.ScoringRule.Attribute, Contract.ScoringRule.Operator,
            Contract.ScoringRule.Value, Contract.ScoringRule.InteractionType, Contract.ScoringRule.WithinDays, Contract.ScoringRule.MaxCount,
        };

        public Guid Id { get; private set; }
        public Guid ModelId { get; private set; }
        public string Name { get; private set; } = "";
        public int Kind { get; private set; }
        public int Points { get; private set; }

        // Attribute rules
        public string? Table { get; private set; }
        public string? Attribute { get; private set; }
        public int? Operator { get; private set; }
        public string? Value { get; private set; }

        // Interaction rules
        public int? InteractionType { get; private set; }
        public int? WithinDays { get; private set; }
        public int? MaxCount { get; private set; }

        public bool IsAttributeRule => Kind == Contract.RuleKind.Attribute;
        public bool IsInteractionRule => Kind == Contract.RuleKind.Interaction;

        /// <summary>Reads a rule from an llc_scoringrule row; <paramref name="alias"/> prefixes aliased link-entity columns.</summary>
        public static ScoringRule FromEntity(Entity row, string? alias = null)
        {
            T? Get<T>(string column) => EntityValues.Get<T>(row, alias == null ? column : alias + "." + column);

            return new ScoringRule
            {
                Id = alias == null ? row.Id : Get<Guid>(Contract.ScoringRule.Id),
                ModelId = Get<EntityReference>(Contract.ScoringRule.ModelId)?.Id ?? Guid.Empty,
                Name = Get<string>(Contract.ScoringRule.Name) ?? "(unnamed rule)",
                Kind = Get<OptionSetValue>(Contract.ScoringRule.Kind)?.Value ?? 0,
                Points = Get<int?>(Contract.ScoringRule.Points) ?? 0,
                Table = Normalize(Get<string>(Contract.ScoringRule.Table)),
                Attribute = Normalize(Get<string>(Contract.ScoringRule.Attribute)),
                Operator = Get<OptionSetValue>(Contract.ScoringRule.Operator)?.Value,
                Value = Get<string>(Contract.ScoringRule.Value),
                InteractionType = Get<OptionSetValue>(Contract.ScoringRule.InteractionType)?.Value,
                WithinDays = Get<int?>(Contract.ScoringRule.WithinDays),
                MaxCount = Get<int?>(Contract.ScoringRule.MaxCount),
            };
        }

        private static string? Normalize(string? name) =>
            string.IsNullOrWhiteSpace(name) ? null : name!.Trim().ToLowerInvariant();
    }
}

using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>One rule of a scoring model: an attribute test or an interaction count, worth some points.</summary>
    public sealed class ScoringRule
    {
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

        public bool IsAttributeRule => Kind == ScoringRuleTable.KindAttribute;
        public bool IsInteractionRule => Kind == ScoringRuleTable.KindInteraction;

        /// <summary>Reads a rule from an llc_scoringrule row; <paramref name="alias"/> prefixes aliased link-entity columns.</summary>
        public static ScoringRule FromEntity(Entity row, string? alias = null)
        {
            T? Get<T>(string column) => EntityValues.Get<T>(row, alias == null ? column : alias + "." + column);

            return new ScoringRule
            {
                Id = alias == null ? row.Id : Get<Guid>(ScoringRuleTable.Id),
                ModelId = Get<EntityReference>(ScoringRuleTable.ModelId)?.Id ?? Guid.Empty,
                Name = Get<string>(ScoringRuleTable.DisplayName) ?? "(unnamed rule)",
                Kind = Get<OptionSetValue>(ScoringRuleTable.Kind)?.Value ?? 0,
                Points = Get<int?>(ScoringRuleTable.Points) ?? 0,
                Table = Normalize(Get<string>(ScoringRuleTable.Table)),
                Attribute = Normalize(Get<string>(ScoringRuleTable.Attribute)),
                Operator = Get<OptionSetValue>(ScoringRuleTable.Operator)?.Value,
                Value = Get<string>(ScoringRuleTable.Value),
                InteractionType = Get<OptionSetValue>(ScoringRuleTable.InteractionType)?.Value,
                WithinDays = Get<int?>(ScoringRuleTable.WithinDays),
                MaxCount = Get<int?>(ScoringRuleTable.MaxCount),
            };
        }

        private static string? Normalize(string? name) =>
            string.IsNullOrWhiteSpace(name) ? null : name!.Trim().ToLowerInvariant();
    }
}

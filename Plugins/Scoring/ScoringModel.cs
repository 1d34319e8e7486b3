using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>A scoring model with its rules and thresholds (llc_scoringmodel + llc_scoringrule).</summary>
    public sealed class ScoringModel
    {
        public Guid Id { get; private set; }
        public string Name { get; private set; } = "";
        public int Status { get; private set; }
        public int Scope { get; private set; }
        public int? SalesReadyThreshold { get; private set; }
        public int? HotThreshold { get; private set; }
        public int? WarmThreshold { get; private set; }
        public List<ScoringRule> Rules { get; } = new List<ScoringRule>();

        public bool IsAccountScope => Scope == ScoringModelTable.ScopeAccount;

        public bool CountsInteractions => Rules.Any(r => r.IsInteractionRule);

        /// <summary>An interaction of one contact changes the scores of its account's leads only under these models.</summary>
        public bool CountsAccountInteractions => IsAccountScope && CountsInteractions;

        /// <summary>Contract: grade ≥ hot → Hot, ≥ warm → Warm, else Cold. An empty threshold is never reached.</summary>
        public int GradeFor(int score)
        {
            if (HotThreshold.HasValue && score >= HotThreshold.Value) return Grade.Hot;
            if (WarmThreshold.HasValue && score >= WarmThreshold.Value) return Grade.Warm;
            return Grade.Cold;
        }

        /// <summary>Contract: sales ready when the model's threshold is reached (never, without a threshold).</summary>
        public bool IsSalesReady(int score) => SalesReadyThreshold.HasValue && score >= SalesReadyThreshold.Value;

        public static ScoringModel FromEntity(Entity row, string? alias = null)
        {
            T? Get<T>(string column) => EntityValues.Get<T>(row, alias == null ? column : alias + "." + column);
            return new ScoringModel
            {
                Id = alias == null ? row.Id : Get<Guid>(ScoringModelTable.Id),
                Name = Get<string>(ScoringModelTable.DisplayName) ?? "(unnamed model)",
                Status = Get<OptionSetValue>(ScoringModelTable.Status)?.Value ?? DefinitionStatus.Draft,
                Scope = Get<OptionSetValue>(ScoringModelTable.Scope)?.Value ?? ScoringModelTable.ScopeContact,
                SalesReadyThreshold = Get<int?>(ScoringModelTable.SalesReadyThreshold),
                HotThreshold = Get<int?>(ScoringModelTable.HotThreshold),
                WarmThreshold = Get<int?>(ScoringModelTable.WarmThreshold),
            };
        }

        public static readonly string[] Columns =
        {
            ScoringModelTable.Id, ScoringModelTable.DisplayName, ScoringModelTable.Status, ScoringModelTable.Scope,
            ScoringModelTable.SalesReadyThreshold, ScoringModelTable.HotThreshold, ScoringModelTable.WarmThreshold,
        };
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
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

        public bool IsAccountScope => Scope == Contract.ModelScope.Account;

        public bool CountsInteractions => Rules.Any(r => r.IsInteractionRule);

        /// <summary>An interaction of one contact changes the scores of its account's leads only under these models.</summary>
        public bool CountsAccountInteractions => IsAccountScope && CountsInteractions;

        /// <summary>Contract: grade ≥ hot → Hot, ≥ warm → Warm, else Cold. An empty threshold is never reached.</summary>
        public int GradeFor(int score)
        {
            if (HotThreshold.HasValue && score >= HotThreshold.Value) return Contract.Rating.Hot;
            if (WarmThreshold.HasValue && score >= WarmThreshold.Value) return Contract.Rating.Warm;
            return Contract.Rating.Cold;
        }

        /// <summary>Contract: sales ready when the model's threshold is reached (never, without a threshold).</summary>
        public bool IsSalesReady(int score) => SalesReadyThreshold.HasValue && score >= SalesReadyThreshold.Value;

        public static ScoringModel FromEntity(Entity row, string? alias = null)
        {
            T? Get<T>(string column) => EntityValues.Get<T>(row, alias == null ? column : alias + "." + column);
            return new ScoringModel
            {
                Id = alias == null ? row.Id : Get<Guid>(Contract.ScoringModel.Id),
                Name = Get<string>(Contract.ScoringModel.Name) ?? "(unnamed model)",
                Status = Get<OptionSetValue>(Contract.ScoringModel.Status)?.Value ?? Contract.DefinitionStatus.Draft,
                Scope = Get<OptionSetValue>(Contract.ScoringModel.Scope)?.Value ?? Contract.ModelScope.Contact,
                SalesReadyThreshold = Get<int?>(Contract.ScoringModel.SalesReadyThreshold),
                HotThreshold = Get<int?>(Contract.ScoringModel.HotThreshold),
                WarmThreshold = Get<int?>(Contract.ScoringModel.WarmThreshold),
            };
        }

        /// <summary>Columns of <paramref name="table"/> that the attribute rules of <paramref name="models"/> read.</summary>
        public static HashSet<string> ColumnsReadByRules(IEnumerable<ScoringModel> models, string table) =>
            new HashSet<string>(models.SelectMany(m => m.Rules)
                .Where(r => r.IsAttributeRule && (r.Table ?? Contract.Lead.LogicalName) == table && r.Attribute != null)
                .Select(r => r.Attribute!));

        /// <summary>The columns that define a model (read by the repository, locked while Live).</summary>
        public static readonly string[] Columns =
        {
            Contract.ScoringModel.Id, Contract.ScoringModel.Name, Contract.ScoringModel.Status, Contract.ScoringModel.Scope,
            Contract.ScoringModel.SalesReadyThreshold, Contract.ScoringModel.HotThreshold, Contract.ScoringModel.WarmThreshold,
        };
    }
}

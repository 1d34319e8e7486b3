using System.Collections.Generic;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Synchronous post-operation of llc_job Update (filtering attribute llc_pagerequestedon; post-image "PostImage":
    /// <see cref="BackgroundJob.PageColumns"/>): one page of a re-scoring job — <see cref="Contract.JobType.RescoreOpenLeads"/>
    /// (a model or criteria published or stopped), <see cref="Contract.JobType.RescoreAccountLeads"/> (an account-wide fan-out)
    /// or <see cref="Contract.JobType.DueLeadRescores"/> (leads whose llc_rescoreon has come). Reads the page's lead ids in one
    /// query after the job's cursor, re-scores them against the definitions Live now (loaded once per page), and advances
    /// the cursor in the same transaction (<see cref="BackgroundJob"/>).
    /// </summary>
    public sealed class RescorePagePlugin : PluginBase
    {
        /// <summary>
        /// Leads per page. A lead's re-score costs about a dozen calls with the shipped kinds of rules (its facts, one
        /// aggregate per interaction (type, window) pair, its score rows, the lead update and the process-flow step that
        /// update runs), so 25 leads stay near 300 calls: half the 600-call ceiling the local organization derives from the
        /// 2-minute limit at 200 ms a call, leaving room for models with more interaction rules. Measured in
        /// docs/performance.md (max calls per execution, constant whatever the number of leads).
        /// </summary>
        public const int PageSize = 25;

        public RescorePagePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RescorePagePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var job = BackgroundJob.PageRequested(context);
            if (job == null || !Handles(job.Type)) return;

            var service = localPluginContext.SystemService;
            var now = PipelineClock.Now(context);
            var ids = job.NextPage(service, Query(job, now), Contract.Lead.Id, PageSize);
            var rescorer = LeadRescorer.ForLiveDefinitions(service, now, context.IsInTransaction);
            rescorer.RescoreAll(ids);
            job.CommitPage(service, ids, rescorer.LeadsUpdated, PageSize, now);
            localPluginContext.Trace($"Job {job.Id} {Contract.JobType.Label(job.Type)}: page {job.PageCount + 1}, {ids.Count} leads re-scored, {rescorer.LeadsUpdated} updated.");
        }

        private static bool Handles(int type) =>
            type == Contract.JobType.RescoreOpenLeads || type == Contract.JobType.RescoreAccountLeads || type == Contract.JobType.DueLeadRescores;

        private static QueryExpression Query(BackgroundJob job, System.DateTime now)
        {
            var query = new QueryExpression(Contract.Lead.LogicalName);
            query.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            if (job.Type == Contract.JobType.RescoreAccountLeads && job.ScopeId.HasValue)
            {
                query.Criteria.AddCondition(Contract.Lead.ParentAccountId, ConditionOperator.Equal, job.ScopeId.Value);
            }
            else if (job.Type == Contract.JobType.DueLeadRescores)
            {
                query.Criteria.AddCondition(Contract.Lead.RescoreOn, ConditionOperator.LessEqual, job.DueBy ?? now);
            }
            else
            {
                return OpenLeadsWithParent();
            }
            return query;
        }

        /// <summary>The leads a publication re-scores (<see cref="Contract.JobType.RescoreOpenLeads"/>): open, with a parent
        /// contact or account.</summary>
        public static QueryExpression OpenLeadsWithParent()
        {
            var query = new QueryExpression(Contract.Lead.LogicalName);
            query.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            var parents = query.Criteria.AddFilter(LogicalOperator.Or);
            parents.AddCondition(Contract.Lead.ParentContactId, ConditionOperator.NotNull);
            parents.AddCondition(Contract.Lead.ParentAccountId, ConditionOperator.NotNull);
            return query;
        }
    }
}

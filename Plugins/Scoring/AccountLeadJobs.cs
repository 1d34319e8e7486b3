using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Account-wide fan-out: every open lead of an account is re-scored by a background job, in pages
    /// (<see cref="Contract.JobType.RescoreAccountLeads"/>), never inside the execution that caused it.</summary>
    public static class AccountLeadJobs
    {
        /// <summary>Queues one job per account, unless one is already queued for it (it has not started, so it will see
        /// today's data). Returns how many were queued.</summary>
        public static int Queue(IOrganizationService system, IEnumerable<Guid> accountIds)
        {
            var queued = 0;
            foreach (var account in accountIds.Distinct())
            {
                if (BackgroundJob.IsActive(system, Contract.JobType.RescoreAccountLeads, account, orRunning: false)) continue;
                BackgroundJob.Queue(system, Contract.JobType.RescoreAccountLeads, $"Re-score the open leads of account {account}", account);
                queued++;
            }
            return queued;
        }
    }
}

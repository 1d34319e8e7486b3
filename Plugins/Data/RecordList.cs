using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>
    /// The records of a recalculation job, kept in the job's memo column llc_input (<see cref="Contract.Job.Input"/>): one
    /// record a line, "table id" ("contact 6f9619ff-8b86-d011-b42d-00c04fc964ff"). The order is fixed when the job is
    /// queued, and a page takes the records after the ones already committed (llc_processedcount, written in the same
    /// transaction as the page: <see cref="BackgroundJob.CommitPage"/>), so a retried page takes exactly the same records.
    /// 1,000 records are about 45,000 characters: the column holds <see cref="MaxLength"/> (a memo column may hold up to
    /// 1,048,576, "Text" columns only 4,000 — learn.microsoft.com/power-apps/maker/data-platform/types-of-fields).
    /// </summary>
    public static class RecordList
    {
        /// <summary>The column's maximum length (Solution/src/Entities/llc_job: MaxLength of llc_input).</summary>
        public const int MaxLength = 100000;

        public static string Format(IEnumerable<EntityReference> records) =>
            string.Join("\n", records.Select(r => r.LogicalName + " " + r.Id.ToString("D")));

        public static IReadOnlyList<EntityReference> Parse(string? text)
        {
            if (text == null || text.Length == 0) return Array.Empty<EntityReference>();
            return text.Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(line =>
                {
                    var parts = line.Trim().Split(' ');
                    if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id))
                    {
                        throw new InvalidPluginExecutionException("The background job's record list has a malformed line '" + line + "'; queue the recalculation again.");
                    }
                    return new EntityReference(parts[0], id);
                })
                .ToList();
        }
    }
}

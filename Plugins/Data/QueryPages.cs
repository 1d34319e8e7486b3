using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>Pages through a query with the paging cookie (Dataverse returns at most 5,000 rows a page).</summary>
    public static class QueryPages
    {
        public static IEnumerable<Entity> All(IOrganizationService service, QueryExpression query)
        {
            query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                foreach (var row in page.Entities) yield return row;
                if (!page.MoreRecords) yield break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}

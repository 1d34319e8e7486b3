using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// TopCount and PageInfo as Dataverse applies them: without either a query returns at most 5,000 rows with
/// MoreRecords set; a page is Count rows at PageNumber (1-based); TotalRecordCount is -1 unless asked for and
/// then stops counting at 5,000 (TotalRecordCountLimitExceeded).
/// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
/// </summary>
internal readonly struct Paging
{
    public const int MaxPageSize = 5000;

    private Paging(int skip, int take, int pageNumber, bool isPaged, bool returnTotal)
    {
        Skip = skip; Take = take; PageNumber = pageNumber; IsPaged = isPaged; ReturnTotal = returnTotal;
    }

    public int Skip { get; }
    public int Take { get; }
    public int PageNumber { get; }
    public bool IsPaged { get; }
    public bool ReturnTotal { get; }

    public static Paging From(int? topCount, PagingInfo? pageInfo)
    {
        var count = pageInfo?.Count ?? 0;
        var returnTotal = pageInfo?.ReturnTotalRecordCount ?? false;
        if (topCount is { } top)
        {
            if (top < 0) throw QueryFault.BadArgument("TopCount cannot be negative.");
            if (count > 0 || (pageInfo?.PageNumber ?? 0) > 1)
                throw QueryFault.BadArgument("TopCount and PageInfo cannot be used together: use PageInfo.Count for a page size, or TopCount for the first rows only.");
            if (top > MaxPageSize) throw QueryFault.BadArgument($"TopCount cannot be more than {MaxPageSize}.");
            return new Paging(0, top, 1, false, returnTotal);
        }
        if (count < 0 || count > MaxPageSize) throw QueryFault.BadArgument($"PageInfo.Count must be between 1 and {MaxPageSize}.");
        var pageNumber = Math.Max(1, pageInfo?.PageNumber ?? 1);
        var size = count == 0 ? MaxPageSize : count;
        return new Paging((pageNumber - 1) * size, size, pageNumber, true, returnTotal);
    }

    /// <summary>Fills in the paging properties of a result over <paramref name="total"/> matching rows.</summary>
    public void Describe(EntityCollection result, int total, string primaryIdAttribute)
    {
        result.MoreRecords = IsPaged && total > Skip + Take;
        result.TotalRecordCount = ReturnTotal ? Math.Min(total, MaxPageSize) : -1;
        result.TotalRecordCountLimitExceeded = ReturnTotal && total > MaxPageSize;
        if (!IsPaged || result.Entities.Count == 0) return;
        var first = result.Entities[0].Id;
        var last = result.Entities[result.Entities.Count - 1].Id;
        result.PagingCookie = $"<cookie page=\"{PageNumber}\"><{primaryIdAttribute} last=\"{last:B}\" first=\"{first:B}\" /></cookie>";
    }
}

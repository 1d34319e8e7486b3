using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Execution;

/// <summary>
/// TopCount and PageInfo as Dataverse applies them: without either a query returns at most 5,000 rows with
/// MoreRecords set; a page is Count rows at PageNumber (1-based); TotalRecordCount is -1 unless asked for and
/// then stops counting at 5,000 (TotalRecordCountLimitExceeded). A paging cookie from the previous page makes the next
/// page start after that page's last row, so rows changed or removed meanwhile do not shift the pages.
/// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression
/// </summary>
internal readonly struct Paging
{
    public const int MaxPageSize = 5000;

    private Paging(int skip, int take, int pageNumber, bool isPaged, bool returnTotal, string? cookie = null)
    {
        Skip = skip; Take = take; PageNumber = pageNumber; IsPaged = isPaged; ReturnTotal = returnTotal; Cookie = cookie;
    }

    public int Skip { get; }
    public int Take { get; }
    public int PageNumber { get; }
    public bool IsPaged { get; }
    public bool ReturnTotal { get; }
    /// <summary>The paging cookie the caller passed back from the previous page, if any.</summary>
    public string? Cookie { get; }

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
        return new Paging((pageNumber - 1) * size, size, pageNumber, true, returnTotal, pageInfo?.PagingCookie);
    }

    /// <summary>
    /// Where this page starts in the sorted rows: right after the previous page's last row when the caller passes that
    /// page's cookie, else at (PageNumber - 1) × Count.
    /// </summary>
    public int Start(List<Entity?[]> sortedRows, SortOrder order)
    {
        if (!IsPaged || order.Count == 0 || !PagingCookie.TryRead(Cookie, out var page, out var lastKey)
            || page != PageNumber - 1 || lastKey.Length != order.Count)
            return Skip;
        var start = 0;
        while (start < sortedRows.Count && order.CompareToKey(sortedRows[start], lastKey) <= 0) start++;
        return start;
    }

    /// <summary>Fills in the paging properties of a result over <paramref name="total"/> matching rows.</summary>
    public void Describe(EntityCollection result, int total, int start)
    {
        result.MoreRecords = IsPaged && total > start + Take;
        result.TotalRecordCount = ReturnTotal ? Math.Min(total, MaxPageSize) : -1;
        result.TotalRecordCountLimitExceeded = ReturnTotal && total > MaxPageSize;
    }
}

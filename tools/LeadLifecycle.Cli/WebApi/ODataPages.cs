using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace LeadLifecycle.Cli.WebApi;

/// <summary>One page of a query: its rows, the URL it was read from and the link to the next one.</summary>
public sealed record ODataPage(string Url, IReadOnlyList<JsonObject> Rows, string? NextLink, int? TotalCount);

public static class ODataPages
{
    /// <summary>Reads a query page by page (Prefer: odata.maxpagesize, then @odata.nextLink until there is none).</summary>
    public static async IAsyncEnumerable<ODataPage> ReadAsync(this DataverseWebApi api, string firstPageUrl, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var url = firstPageUrl; url is not null;)
        {
            var page = await api.GetAsync(url, cancellationToken, pageSize);
            var next = page["@odata.nextLink"]?.GetValue<string>();
            var count = page["@odata.count"]?.GetValue<int>();
            yield return new ODataPage(url, page["value"]?.AsArray().OfType<JsonObject>().ToList() ?? [], next, count);
            url = next;
        }
    }
}

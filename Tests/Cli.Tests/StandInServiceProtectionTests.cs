using System.Net;
using System.Net.Http.Headers;
using LeadLifecycle.WebApiStandIn;

namespace LeadLifecycle.Cli.Tests;

/// <summary>
/// The stand-in enforces the service protection limits the bulk benchmark relies on: over the request budget of the
/// window (or the concurrency budget) it answers 429 with a Retry-After, as Dataverse does.
/// https://learn.microsoft.com/power-apps/developer/data-platform/api-limits
/// </summary>
public sealed class StandInServiceProtectionTests
{
    [Fact]
    public void Documented_limits_scaled_down_in_time_keep_the_rate()
    {
        var scaled = ServiceProtectionLimits.Documented.ScaledDownInTime(300);

        Assert.Equal((TimeSpan.FromSeconds(1), 20, TimeSpan.FromSeconds(4), 52), (scaled.Window, scaled.MaxRequests, scaled.MaxExecutionTime, scaled.MaxConcurrentRequests));
        Assert.Equal(ServiceProtectionLimits.Documented.MaxRequestsPerSecond, scaled.MaxRequestsPerSecond);
    }

    [Fact]
    public async Task Requests_over_the_window_budget_are_answered_429_with_Retry_After()
    {
        using var org = new StandInOrganization { Limits = new ServiceProtectionLimits(TimeSpan.FromMinutes(1), 3, TimeSpan.FromMinutes(10), 52) };
        using var http = new HttpClient { BaseAddress = org.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StandInOrganization.AccessToken);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await http.GetAsync("api/data/v9.2/contacts?$select=contactid");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Contains("Number of requests exceeded the limit of 3", await last.Content.ReadAsStringAsync());
        Assert.Equal(1, org.ThrottledByLimits);
    }
}

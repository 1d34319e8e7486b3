using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadLifecycle.Cli.Auth;

namespace LeadLifecycle.Cli.WebApi;

/// <summary>
/// A small client for the Dataverse Web API v9.2 (OData v4): bearer token on every call, service protection
/// limits honoured (429 + Retry-After, then the same request again), the recommended degree of parallelism
/// read from x-ms-dop-hint, and OData errors turned into <see cref="DataverseApiException"/> with the platform's message.
/// </summary>
public sealed class DataverseWebApi : IDisposable
{
    public const string ApiPath = "api/data/v9.2/";
    /// <summary>A request throttled this many times in a row gives up (the limits reset within minutes).</summary>
    public const int MaxThrottleRetries = 10;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly ITokenSource _tokens;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private int _degreeOfParallelism = 1;
    private int _throttledResponses;
    private long _resumeAtTicks; // UTC ticks before which no request is sent (the organization asked us to wait)

    public DataverseWebApi(Uri organizationUrl, ITokenSource tokens, HttpMessageHandler handler,
        Func<TimeSpan, CancellationToken, Task> delay)
    {
        OrganizationUrl = organizationUrl;
        _http = new HttpClient(handler) { BaseAddress = new Uri(organizationUrl, ApiPath), Timeout = TimeSpan.FromMinutes(10) };
        _tokens = tokens;
        _delay = delay;
    }

    public Uri OrganizationUrl { get; }

    /// <summary>The degree of parallelism the organization last recommended (x-ms-dop-hint); 1 until it says.</summary>
    public int RecommendedDegreeOfParallelism => Volatile.Read(ref _degreeOfParallelism);

    /// <summary>How many 429 responses were waited out so far.</summary>
    public int ThrottledResponses => Volatile.Read(ref _throttledResponses);

    /// <summary>Called with the wait before each retry of a throttled request.</summary>
    public Action<TimeSpan>? Throttled { get; set; }

    public Task<JsonObject> GetAsync(string url, CancellationToken cancellationToken, int? maxPageSize = null) =>
        SendForJsonAsync(HttpMethod.Get, url, null, cancellationToken, maxPageSize);

    public Task<JsonObject> PostAsync(string url, JsonNode? body, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Post, url, body, cancellationToken);

    public Task<JsonObject> PatchAsync(string url, JsonNode body, CancellationToken cancellationToken) =>
        SendForJsonAsync(HttpMethod.Patch, url, body, cancellationToken);

    private async Task<JsonObject> SendForJsonAsync(HttpMethod method, string url, JsonNode? body,
        CancellationToken cancellationToken, int? maxPageSize = null)
    {
        var payload = body?.ToJsonString();
        for (var attempt = 0; ; attempt++)
        {
            await WaitWhileThrottledAsync(cancellationToken);
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetAccessTokenAsync(cancellationToken));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Add("OData-MaxVersion", "4.0");
            request.Headers.Add("OData-Version", "4.0");
            if (maxPageSize is { } size) request.Headers.Add("Prefer", $"odata.maxpagesize={size}");
            if (payload is not null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");

            using var response = await _http.SendAsync(request, cancellationToken);
            RememberDegreeOfParallelism(response);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);

            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxThrottleRetries)
            {
                // Service protection limits count per user across connections: every parallel request holds off
                // until the time the organization gave, then this one is sent again.
                var wait = RetryAfter(response);
                Interlocked.Increment(ref _throttledResponses);
                Throttled?.Invoke(wait);
                PauseUntil(DateTimeOffset.UtcNow + wait);
                continue;
            }
            if (!response.IsSuccessStatusCode) throw ToException(response.StatusCode, text);
            return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        }
    }

    private void PauseUntil(DateTimeOffset resumeAt)
    {
        for (var current = Interlocked.Read(ref _resumeAtTicks); resumeAt.UtcTicks > current; current = Interlocked.Read(ref _resumeAtTicks))
            if (Interlocked.CompareExchange(ref _resumeAtTicks, resumeAt.UtcTicks, current) == current) return;
    }

    // Waits once for what is left of the pause, then lets the request go (a new 429 would pause again).
    private Task WaitWhileThrottledAsync(CancellationToken cancellationToken)
    {
        var left = new DateTimeOffset(Interlocked.Read(ref _resumeAtTicks), TimeSpan.Zero) - DateTimeOffset.UtcNow;
        return left > TimeSpan.Zero ? _delay(left, cancellationToken) : Task.CompletedTask;
    }

    private void RememberDegreeOfParallelism(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("x-ms-dop-hint", out var values)
            && int.TryParse(values.FirstOrDefault(), out var hint) && hint > 0)
            Volatile.Write(ref _degreeOfParallelism, hint);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) { var wait = date - DateTimeOffset.UtcNow; return wait < TimeSpan.Zero ? TimeSpan.Zero : wait; }
        return DefaultRetryAfter;
    }

    private static DataverseApiException ToException(HttpStatusCode status, string body)
    {
        // OData error body: { "error": { "code": "0x80040217", "message": "..." } }
        try
        {
            if (JsonNode.Parse(body)?["error"] is JsonObject error)
                return new DataverseApiException(status, error["code"]?.GetValue<string>(),
                    error["message"]?.GetValue<string>() ?? status.ToString());
        }
        catch (JsonException) { /* not JSON: fall through */ }
        var text = string.IsNullOrWhiteSpace(body) ? $"HTTP {(int)status} {status}" : $"HTTP {(int)status} {status}: {body.Trim()}";
        return new DataverseApiException(status, null, text);
    }

    public void Dispose() => _http.Dispose();
}

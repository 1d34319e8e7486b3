using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace LeadLifecycle.WebApiStandIn;

/// <summary>
/// A loopback stand-in for a Dataverse organization's Web API v9.2, following the documented contract closely
/// enough for `llc` to be tested without an organization: bearer tokens, OData collections with
/// Prefer: odata.maxpagesize, @odata.nextLink and @odata.count, the x-ms-dop-hint header on every response,
/// 429 Too Many Requests with Retry-After (service protection limits), OData error bodies, ImportSolutionAsync /
/// StageAndUpgradeAsync with asyncoperation states and importjob data, PATCH, and bound custom API actions.
/// It listens on 127.0.0.1 only, on a port the OS assigns.
/// </summary>
public sealed partial class StandInOrganization : IDisposable
{
    public const string AccessToken = "stand-in-token";
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private int _inFlightActions;
    private int _throttleCounter;

    public StandInOrganization()
    {
        (_listener, Url) = Listen();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The organization URL, e.g. http://127.0.0.1:40123/</summary>
    public Uri Url { get; }

    /// <summary>The recommended degree of parallelism sent in x-ms-dop-hint.</summary>
    public int DegreeOfParallelismHint { get; set; } = 4;

    /// <summary>Every n-th bound action call is answered 429 with Retry-After (0: never).</summary>
    public int ThrottleEveryNthAction { get; set; }
    public int RetryAfterSeconds { get; set; } = 3;
    private int _throttleNext;
    /// <summary>The next <paramref name="count"/> requests (any kind) get a 429 before being served.</summary>
    public void ThrottleNext(int count) => Volatile.Write(ref _throttleNext, count);

    /// <summary>How long a bound action takes, so parallel calls overlap.</summary>
    public TimeSpan ActionLatency { get; set; } = TimeSpan.FromMilliseconds(40);

    private ServiceProtection? _protection;

    /// <summary>Enforce these service protection limits on every request (null: none, the default).</summary>
    public ServiceProtectionLimits? Limits
    {
        get => _limits;
        set { _limits = value; _protection = value is null ? null : new ServiceProtection(value); }
    }
    private ServiceProtectionLimits? _limits;

    /// <summary>How many requests the service protection limits answered 429.</summary>
    public int ThrottledByLimits => _protection?.Throttled ?? 0;

    public ConcurrentQueue<string> Requests { get; } = new();
    public int MaxConcurrentActions { get; private set; }

    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            // HttpListener cannot bind port 0: take a free port from the OS, then listen on it.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            response.Headers["x-ms-dop-hint"] = DegreeOfParallelismHint.ToString();
            var body = request.HasEntityBody ? await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync() : "";
            var path = request.Url!.AbsolutePath;
            var query = Uri.UnescapeDataString(request.Url.Query.TrimStart('?'));
            Requests.Enqueue($"{request.HttpMethod} {path.Replace("/api/data/v9.2/", "")}{(query.Length > 0 ? "?" + query : "")}");

            if (request.Headers["Authorization"] != $"Bearer {AccessToken}")
            {
                await WriteAsync(response, 401, Error("0x80072243", "The user is not authenticated: invalid or missing bearer token."));
                return;
            }
            if (!path.StartsWith("/api/data/v9.2/"))
            {
                await WriteAsync(response, 404, Error("0x8006088a", $"Resource not found for the segment '{path}'."));
                return;
            }
            if (Volatile.Read(ref _throttleNext) > 0 && Interlocked.Decrement(ref _throttleNext) >= 0)
            {
                await ThrottleAsync(response);
                return;
            }
            var protection = _protection;
            if (protection is not null && !protection.TryEnter(out var retryAfter, out var limit))
            {
                response.Headers["Retry-After"] = retryAfter.ToString();
                await WriteAsync(response, 429, Error("0x80072322", limit));
                return;
            }
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var route = path["/api/data/v9.2/".Length..];
                var (status, json) = Route(request.HttpMethod, route, ParseQuery(request.Url.Query), body, request.Headers["Prefer"]);
                if (status == 429) { await ThrottleAsync(response); return; }
                if (route.Contains("/Microsoft.Dynamics.CRM.")) await SimulateActionLatencyAsync();
                await WriteAsync(response, status, json);
            }
            finally
            {
                protection?.Exit(started.Elapsed);
            }
        }
        catch (Exception ex)
        {
            try { await WriteAsync(response, 500, Error("0x80040216", "Stand-in failure: " + ex.Message)); } catch { /* client gone */ }
        }
    }

    private async Task SimulateActionLatencyAsync()
    {
        var now = Interlocked.Increment(ref _inFlightActions);
        lock (Requests) MaxConcurrentActions = Math.Max(MaxConcurrentActions, now);
        await Task.Delay(ActionLatency);
        Interlocked.Decrement(ref _inFlightActions);
    }

    private bool ShouldThrottleAction() =>
        ThrottleEveryNthAction > 0 && Interlocked.Increment(ref _throttleCounter) % ThrottleEveryNthAction == 0;

    private Task ThrottleAsync(HttpListenerResponse response)
    {
        response.Headers["Retry-After"] = RetryAfterSeconds.ToString();
        return WriteAsync(response, 429, Error("0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds."));
    }

    public static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task WriteAsync(HttpListenerResponse response, int status, JsonObject? json)
    {
        response.StatusCode = status;
        response.Headers["OData-Version"] = "4.0";
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
            response.ContentType = "application/json; odata.metadata=minimal";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        response.Close();
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch { /* stopped */ }
    }
}

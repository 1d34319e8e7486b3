namespace LeadLifecycle.Cli.Auth;

/// <summary>Gives a bearer token for the organization; called before every request (sources cache and refresh).</summary>
public interface ITokenSource
{
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}

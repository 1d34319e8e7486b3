using Microsoft.Identity.Client;

namespace LeadLifecycle.Cli.Auth;

/// <summary>Builds the token source for a sign-in mode. MSAL caches tokens in memory and refreshes them.</summary>
public static class TokenSources
{
    // Microsoft's sample client registered for Dataverse development (used by the SDK samples and pac);
    // set LLC_CLIENT_ID to use your own public client registration instead.
    private const string DataverseSampleClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    public static ITokenSource Create(SignInOptions options)
    {
        switch (options.EffectiveMode)
        {
            case SignInMode.Token:
                return new StaticTokenSource(options.Require(SignInOptions.AccessTokenVariable));
            case SignInMode.ClientSecret:
            {
                var app = ConfidentialClientApplicationBuilder.Create(options.Require(SignInOptions.ClientIdVariable))
                    .WithClientSecret(options.Require(SignInOptions.ClientSecretVariable))
                    .WithAuthority(AzureCloudInstance.AzurePublic, options.Require(SignInOptions.TenantIdVariable))
                    .Build();
                return new MsalTokenSource(ct => app.AcquireTokenForClient([options.Scope]).ExecuteAsync(ct));
            }
            default:
            {
                var app = PublicClientApplicationBuilder.Create(options.Variable(SignInOptions.ClientIdVariable) ?? DataverseSampleClientId)
                    .WithAuthority(AzureCloudInstance.AzurePublic, options.Variable(SignInOptions.TenantIdVariable) ?? "organizations")
                    .WithRedirectUri("http://localhost")
                    .Build();
                var deviceCode = options.EffectiveMode == SignInMode.DeviceCode;
                return new MsalTokenSource(async ct =>
                {
                    var account = (await app.GetAccountsAsync()).FirstOrDefault();
                    if (account is not null)
                    {
                        try { return await app.AcquireTokenSilent([options.Scope], account).ExecuteAsync(ct); }
                        catch (MsalUiRequiredException) { /* sign in again below */ }
                    }
                    return deviceCode
                        ? await app.AcquireTokenWithDeviceCode([options.Scope], code =>
                            {
                                options.Out.WriteLine(code.Message);
                                return Task.CompletedTask;
                            }).ExecuteAsync(ct)
                        : await app.AcquireTokenInteractive([options.Scope]).ExecuteAsync(ct);
                });
            }
        }
    }

    private sealed class StaticTokenSource(string token) : ITokenSource
    {
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }

    private sealed class MsalTokenSource(Func<CancellationToken, Task<AuthenticationResult>> acquire) : ITokenSource
    {
        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            try
            {
                return (await acquire(cancellationToken)).AccessToken;
            }
            catch (MsalException ex)
            {
                throw new SignInException($"Sign-in failed ({ex.ErrorCode}): {ex.Message}", inner: ex);
            }
        }
    }
}

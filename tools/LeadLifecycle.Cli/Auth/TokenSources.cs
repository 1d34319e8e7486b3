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
                return new MsalTokenSource(SignInMode.ClientSecret, ct => app.AcquireTokenForClient([options.Scope]).ExecuteAsync(ct));
            }
            default:
            {
                var app = PublicClientApplicationBuilder.Create(options.Variable(SignInOptions.ClientIdVariable) ?? DataverseSampleClientId)
                    .WithAuthority(AzureCloudInstance.AzurePublic, options.Variable(SignInOptions.TenantIdVariable) ?? "organizations")
                    .WithRedirectUri("http://localhost")
                    .Build();
                var deviceCode = options.EffectiveMode == SignInMode.DeviceCode;
                return new MsalTokenSource(options.EffectiveMode, async ct =>
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

    /// <summary>
    /// The sign-in error a user can act on. Interactive sign-in opens a browser; in a shell without one (SSH, a
    /// container, CI) MSAL fails with linux_xdg_open_failed (MsalError.LinuxXdgOpen: "MSAL tried to open the browser on
    /// Linux using the xdg-open, gnome-open, or kfmclient tools, but failed") or cannot start the browser at all: the
    /// way out is the device-code flow, which prints a code to enter on any other device.
    /// </summary>
    internal static SignInException SignInFailure(Exception ex, SignInMode mode)
    {
        var what = ex is MsalException msal ? $"Sign-in failed ({msal.ErrorCode}): {ex.Message}" : $"Sign-in failed: {ex.Message}";
        var browserFailed = ex is MsalClientException { ErrorCode: MsalError.LinuxXdgOpen or MsalError.WebviewUnavailable }
                            || ex is System.ComponentModel.Win32Exception or PlatformNotSupportedException;
        return mode == SignInMode.Interactive && browserFailed
            ? new SignInException($"{what} No browser could be opened for interactive sign-in: in a shell without a browser " +
                                  "use --auth device-code (it prints a code to enter at https://microsoft.com/devicelogin on any device), " +
                                  "or --auth client-secret / --auth token for unattended runs.", inner: ex)
            : new SignInException(what, inner: ex);
    }

    /// <summary>A token source over an MSAL acquisition, turning its failures into <see cref="SignInFailure"/>.</summary>
    internal static ITokenSource Msal(SignInMode mode, Func<CancellationToken, Task<AuthenticationResult>> acquire) => new MsalTokenSource(mode, acquire);

    private sealed class MsalTokenSource(SignInMode mode, Func<CancellationToken, Task<AuthenticationResult>> acquire) : ITokenSource
    {
        public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            try
            {
                return (await acquire(cancellationToken)).AccessToken;
            }
            catch (Exception ex) when (ex is MsalException or System.ComponentModel.Win32Exception or PlatformNotSupportedException)
            {
                throw SignInFailure(ex, mode);
            }
        }
    }
}

namespace LeadLifecycle.Cli.Auth;

/// <summary>How `llc` signs in to an organization (option --auth).</summary>
public enum SignInMode
{
    /// <summary>client-secret when LLC_CLIENT_SECRET is set, token when LLC_ACCESS_TOKEN is set, else interactive.</summary>
    Auto,
    /// <summary>Service principal (application user): LLC_TENANT_ID, LLC_CLIENT_ID, LLC_CLIENT_SECRET.</summary>
    ClientSecret,
    /// <summary>A user signs in on another device with a code (no browser on this machine).</summary>
    DeviceCode,
    /// <summary>A user signs in through the system browser.</summary>
    Interactive,
    /// <summary>A bearer token obtained elsewhere (e.g. `az account get-access-token`) in LLC_ACCESS_TOKEN.</summary>
    Token,
}
